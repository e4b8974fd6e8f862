/**
 * The cart: plain data and pure functions over it, plus a small store that
 * keeps it in localStorage (so it survives a reload and follows other tabs).
 * React reads the store through useSyncExternalStore (CartContext.tsx).
 */

/** One product in the cart, with what the shop last told us about it. */
export interface CartLine {
  productId: string;
  name: string;
  priceCents: number;
  /** Units in stock when we last heard: the most this line may hold. */
  stockQty: number;
  qty: number;
}

/** What the cart needs to know of a product. */
export interface ProductInfo {
  id: string;
  name: string;
  priceCents: number;
  stockQty: number;
}

export type Cart = readonly CartLine[];

export const EMPTY_CART: Cart = [];

/** Adds one unit, never past the stock; a sold-out product is not added. */
export function addProduct(cart: Cart, product: ProductInfo): Cart {
  const line = cart.find((l) => l.productId === product.id);
  const qty = Math.min((line?.qty ?? 0) + 1, product.stockQty);
  if (qty <= 0 || qty === line?.qty) return cart;
  const next: CartLine = {
    productId: product.id,
    name: product.name,
    priceCents: product.priceCents,
    stockQty: product.stockQty,
    qty,
  };
  return line ? cart.map((l) => (l === line ? next : l)) : [...cart, next];
}

/** Sets a line's quantity, kept between 1 and the stock. */
export function setQuantity(cart: Cart, productId: string, qty: number): Cart {
  return cart.map((l) =>
    l.productId === productId ? { ...l, qty: Math.max(1, Math.min(Math.trunc(qty), l.stockQty)) } : l,
  );
}

export function removeProduct(cart: Cart, productId: string): Cart {
  return cart.filter((l) => l.productId !== productId);
}

/**
 * Takes in what the shop now says about its catalog (names, prices, stock).
 * Quantities are left as they are: a line that now asks for more than there
 * is shows it (lineProblem) rather than changing behind the shopper's back.
 * A product gone from the catalog is treated as sold out. Returns `cart`
 * itself when nothing changed.
 */
export function refreshProducts(cart: Cart, catalog: readonly ProductInfo[]): Cart {
  const byId = new Map(catalog.map((p) => [p.id, p]));
  let changed = false;
  const next = cart.map((line) => {
    const p = byId.get(line.productId);
    const fresh = p
      ? { ...line, name: p.name, priceCents: p.priceCents, stockQty: p.stockQty }
      : { ...line, stockQty: 0 };
    if (
      fresh.name === line.name &&
      fresh.priceCents === line.priceCents &&
      fresh.stockQty === line.stockQty
    ) {
      return line;
    }
    changed = true;
    return fresh;
  });
  return changed ? next : cart;
}

/** Takes in stock levels the shop reported for some products (a shortfall's); quantities stay. */
export function learnStock(cart: Cart, stock: ReadonlyMap<string, number>): Cart {
  const changes = (line: CartLine) =>
    stock.has(line.productId) && stock.get(line.productId) !== line.stockQty;
  if (!cart.some(changes)) return cart;
  return cart.map((line) => (changes(line) ? { ...line, stockQty: stock.get(line.productId) ?? 0 } : line));
}

/** Why a line cannot be ordered as it is, or null. */
export function lineProblem(line: CartLine): string | null {
  if (line.stockQty <= 0) return "Sold out. Remove it to place your order.";
  if (line.qty > line.stockQty) return `Only ${line.stockQty} left. Lower the quantity to place your order.`;
  return null;
}

export function itemCount(cart: Cart): number {
  return cart.reduce((n, l) => n + l.qty, 0);
}

export function totalCents(cart: Cart): number {
  return cart.reduce((sum, l) => sum + l.qty * l.priceCents, 0);
}

/** The order lines placeOrder takes. */
export function orderItems(cart: Cart): { productId: string; qty: number }[] {
  return cart.map((l) => ({ productId: l.productId, qty: l.qty }));
}

export const CART_STORAGE_KEY = "shop.cart.v1";

function isCartLine(value: unknown): value is CartLine {
  if (typeof value !== "object" || value === null) return false;
  const l = value as Record<string, unknown>;
  return (
    typeof l["productId"] === "string" &&
    typeof l["name"] === "string" &&
    Number.isInteger(l["priceCents"]) &&
    Number.isInteger(l["stockQty"]) &&
    Number.isInteger(l["qty"]) &&
    (l["qty"] as number) > 0
  );
}

/** The saved cart; anything unreadable (another version, a hand edit) counts as empty. */
export function readCart(storage: Storage): Cart {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(CART_STORAGE_KEY) ?? "[]");
    return Array.isArray(parsed) && parsed.every(isCartLine) ? parsed : EMPTY_CART;
  } catch {
    return EMPTY_CART;
  }
}

// Function-valued fields rather than methods: React takes getSnapshot and subscribe detached.
export interface CartStore {
  getSnapshot: () => Cart;
  subscribe: (listener: () => void) => () => void;
  update: (change: (cart: Cart) => Cart) => void;
}

/** The cart kept in `storage`; a change in another tab arrives through the "storage" event. */
export function createCartStore(storage: Storage = window.localStorage): CartStore {
  let cart = readCart(storage);
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((listener) => listener());

  function onStorage(event: StorageEvent) {
    if (event.key !== CART_STORAGE_KEY && event.key !== null) return;
    cart = readCart(storage);
    emit();
  }

  return {
    getSnapshot: () => cart,
    subscribe(listener) {
      if (listeners.size === 0) window.addEventListener("storage", onStorage);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) window.removeEventListener("storage", onStorage);
      };
    },
    update(change) {
      const next = change(cart);
      if (next === cart) return;
      cart = next;
      try {
        storage.setItem(CART_STORAGE_KEY, JSON.stringify(cart));
      } catch {
        // Storage full or blocked (private mode): the cart still works until the tab closes.
      }
      emit();
    },
  };
}
