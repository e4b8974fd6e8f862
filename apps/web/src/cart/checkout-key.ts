/**
 * The idempotency key of a checkout attempt. Made once (crypto.randomUUID) for
 * a given cart and kept, in localStorage, until that cart is ordered: a retry
 * after a timeout or a reload sends the same key, and the gateway places one
 * order however many times the request arrived. A changed cart, or other
 * checkout details, is a new attempt with a new key (the old key with another
 * body would be refused).
 */
export const CHECKOUT_KEY_STORAGE_KEY = "shop.checkout.v1";

interface SavedKey {
  cart: string;
  key: string;
}

function fingerprint(items: readonly { productId: string; qty: number }[]): string {
  return JSON.stringify([...items].sort((a, b) => a.productId.localeCompare(b.productId)));
}

/** Where the key lives when storage refuses writes (private mode, full): this page only. */
let unsaved: SavedKey | null = null;

function read(storage: Storage): SavedKey | null {
  if (unsaved) return unsaved;
  try {
    const saved = JSON.parse(storage.getItem(CHECKOUT_KEY_STORAGE_KEY) ?? "null") as Partial<SavedKey> | null;
    return typeof saved?.cart === "string" && typeof saved.key === "string"
      ? { cart: saved.cart, key: saved.key }
      : null;
  } catch {
    return null;
  }
}

/** The key for ordering these items (with these details): the saved one if it was made for them, else a new one. */
export function checkoutKeyFor(
  items: readonly { productId: string; qty: number }[],
  details = "",
  storage: Storage = window.localStorage,
): string {
  const cart = fingerprint(items) + details;
  const saved = read(storage);
  if (saved?.cart === cart) return saved.key;
  const key = crypto.randomUUID();
  try {
    storage.setItem(CHECKOUT_KEY_STORAGE_KEY, JSON.stringify({ cart, key } satisfies SavedKey));
  } catch {
    unsaved = { cart, key };
  }
  return key;
}

/** The attempt is over (the order is placed): the next checkout gets a new key. */
export function forgetCheckoutKey(storage: Storage = window.localStorage): void {
  unsaved = null;
  storage.removeItem(CHECKOUT_KEY_STORAGE_KEY);
}
