import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from "react";
import {
  addProduct,
  itemCount,
  learnStock,
  refreshProducts,
  removeProduct,
  setQuantity,
  totalCents,
  EMPTY_CART,
  type Cart,
  type CartStore,
  type ProductInfo,
} from "./cart.ts";

export interface CartApi extends CartActions {
  lines: Cart;
  itemCount: number;
  totalCents: number;
}

export interface CartActions {
  add: (product: ProductInfo) => void;
  setQuantity: (productId: string, qty: number) => void;
  remove: (productId: string) => void;
  /** Takes in the catalog as the shop now has it (names, prices, stock). */
  refresh: (catalog: readonly ProductInfo[]) => void;
  /** Takes in stock levels reported for some products (a shortfall's). */
  learnStock: (stock: ReadonlyMap<string, number>) => void;
  clear: () => void;
}

const CartStoreContext = createContext<CartStore | null>(null);

export function CartProvider({ store, children }: { store: CartStore; children: ReactNode }) {
  return <CartStoreContext value={store}>{children}</CartStoreContext>;
}

/** The cart and what can be done to it; re-renders when it changes. */
export function useCart(): CartApi {
  const store = useContext(CartStoreContext);
  if (!store) throw new Error("useCart() needs a <CartProvider> above it");
  const lines = useSyncExternalStore(store.subscribe, store.getSnapshot);
  // The actions stay the same functions for the store's life, so effects may depend on them.
  const actions = useMemo(
    (): CartActions => ({
      add: (product) => store.update((cart) => addProduct(cart, product)),
      setQuantity: (productId, qty) => store.update((cart) => setQuantity(cart, productId, qty)),
      remove: (productId) => store.update((cart) => removeProduct(cart, productId)),
      refresh: (catalog) => store.update((cart) => refreshProducts(cart, catalog)),
      learnStock: (stock) => store.update((cart) => learnStock(cart, stock)),
      clear: () => store.update(() => EMPTY_CART),
    }),
    [store],
  );
  return { lines, itemCount: itemCount(lines), totalCents: totalCents(lines), ...actions };
}
