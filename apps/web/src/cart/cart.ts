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
  /** The price when it was added, if the shop has changed it since: the shopper is told. */
  addedAtCents?: number;
  /** The shop no longer sells it (archived): it cannot be ordered. */
  discontinued?: boolean;
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
  const next: CartLine = line
    ? { ...refreshLine(line, product), qty }
    : {
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
 * A price that changed keeps the price the line was added at, so the cart
 * can say so; a product gone from the catalog is marked discontinued. Returns
 * `cart` itself when nothing changed.
 */
export function refreshProducts(cart: Cart, catalog: readonly ProductInfo[]): Cart {
  const byId = new Map(catalog.map((p) => [p.id, p]));
  let changed = false;
  const next = cart.map((line) => {
    const fresh = refreshLine(line, byId.get(line.productId));
    if (
      fresh.name === line.name &&
      fresh.priceCents === line.priceCents &&
      fresh.stockQty === line.stockQty &&
      fresh.addedAtCents === line.addedAtCents &&
      fresh.discontinued === line.discontinued
    ) {
      return line;
    }
    changed = true;
    return fresh;
  });
  return changed ? next : cart;
}

function refreshLine(line: CartLine, product: ProductInfo | undefined): CartLine {
  const { addedAtCents, discontinued: _gone, ...rest } = line;
  if (!product)
    return { ...rest, ...(addedAtCents !== undefined && { addedAtCents }), stockQty: 0, discontinued: true };
  const original = addedAtCents ?? line.priceCents;
  return {
    ...rest,
    name: product.name,
    priceCents: product.priceCents,
    stockQty: product.stockQty,
    // Back at the price it was added at: nothing to tell any more.
    ...(original !== product.priceCents && { addedAtCents: original }),
  };
}

/** What changed about a line since it was added that the shopper should know (not a blocker), or null. */
export function lineNews(line: CartLine): { wasCents: number; nowCents: number } | null {
  if (line.discontinued || line.addedAtCents === undefined || line.addedAtCents === line.priceCents)
    return null;
  return { wasCents: line.addedAtCents, nowCents: line.priceCents };
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
  if (line.discontinued) return "No longer sold. Remove it to place your order.";
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
    (l["qty"] as number) > 0 &&
    (l["addedAtCents"] === undefined || Number.isInteger(l["addedAtCents"])) &&
    (l["discontinued"] === undefined || typeof l["discontinued"] === "boolean")
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
