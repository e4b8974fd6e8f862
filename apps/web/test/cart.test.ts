import { describe, expect, it } from "vitest";
import {
  addProduct,
  createCartStore,
  EMPTY_CART,
  learnStock,
  lineNews,
  lineProblem,
  readCart,
  refreshProducts,
  setQuantity,
  CART_STORAGE_KEY,
} from "../src/cart/cart.ts";
import { checkoutKeyFor, forgetCheckoutKey } from "../src/cart/checkout-key.ts";

const mug = { id: "p-mug", name: "Mug", priceCents: 1_200, stockQty: 1 };
const teapot = { id: "p-teapot", name: "Teapot", priceCents: 3_400, stockQty: 8 };

describe("cart operations", () => {
  it("adds up to the stock and no further; a sold-out product not at all", () => {
    const once = addProduct(EMPTY_CART, mug);
    expect(once).toEqual([{ productId: "p-mug", name: "Mug", priceCents: 1_200, stockQty: 1, qty: 1 }]);
    expect(addProduct(once, mug)).toBe(once);
    expect(addProduct(EMPTY_CART, { ...teapot, stockQty: 0 })).toBe(EMPTY_CART);
  });

  it("keeps a set quantity between 1 and the stock", () => {
    const cart = addProduct(EMPTY_CART, teapot);
    expect(setQuantity(cart, "p-teapot", 50)[0]?.qty).toBe(8);
    expect(setQuantity(cart, "p-teapot", 0)[0]?.qty).toBe(1);
  });

  it("takes in fresh stock without changing quantities, and says what is wrong", () => {
    const cart = setQuantity(addProduct(EMPTY_CART, teapot), "p-teapot", 5);
    const fresh = refreshProducts(cart, [{ ...teapot, stockQty: 2 }]);
    expect(fresh[0]).toMatchObject({ qty: 5, stockQty: 2 });
    expect(lineProblem(fresh[0]!)).toBe("Only 2 left. Lower the quantity to place your order.");
    expect(refreshProducts(fresh, [{ ...teapot, stockQty: 2 }])).toBe(fresh);
    const gone = refreshProducts(fresh, []);
    expect(gone[0]?.discontinued).toBe(true);
    expect(lineProblem(gone[0]!)).toBe("No longer sold. Remove it to place your order.");
    // Sold out is not the same thing: it is still sold, just not in stock.
    expect(lineProblem(refreshProducts(fresh, [{ ...teapot, stockQty: 0 }])[0]!)).toBe(
      "Sold out. Remove it to place your order.",
    );
    // Back in the catalog (unarchived): orderable again.
    expect(refreshProducts(gone, [teapot])[0]?.discontinued).toBeUndefined();
  });

  it("remembers the price a line was added at when the shop changes it, until it is back", () => {
    const cart = addProduct(EMPTY_CART, teapot);
    expect(lineNews(cart[0]!)).toBeNull();
    const dearer = refreshProducts(cart, [{ ...teapot, priceCents: 3_900 }]);
    expect(lineNews(dearer[0]!)).toEqual({ wasCents: 3_400, nowCents: 3_900 });
    // A second change still compares with the price it was added at.
    const again = refreshProducts(dearer, [{ ...teapot, priceCents: 4_100 }]);
    expect(lineNews(again[0]!)).toEqual({ wasCents: 3_400, nowCents: 4_100 });
    // Adding one more keeps the news; the stored cart reads it back.
    const more = addProduct(again, { ...teapot, priceCents: 4_100 });
    expect(lineNews(more[0]!)).toEqual({ wasCents: 3_400, nowCents: 4_100 });
    window.localStorage.setItem(CART_STORAGE_KEY, JSON.stringify(more));
    expect(readCart(window.localStorage)).toEqual(more);
    expect(lineNews(refreshProducts(more, [teapot])[0]!)).toBeNull();
  });

  it("learns a shortfall's stock levels for the lines they name", () => {
    const cart = addProduct(addProduct(EMPTY_CART, teapot), mug);
    const learnt = learnStock(cart, new Map([["p-teapot", 0]]));
    expect(learnt.map((l) => l.stockQty)).toEqual([0, 1]);
    expect(learnStock(learnt, new Map([["p-teapot", 0]]))).toBe(learnt);
  });
});

describe("the stored cart", () => {
  it("is saved on every change and read back", () => {
    const store = createCartStore(window.localStorage);
    store.update((cart) => addProduct(cart, teapot));
    expect(readCart(window.localStorage)).toEqual(store.getSnapshot());
  });

  it("reads anything unreadable as empty", () => {
    window.localStorage.setItem(CART_STORAGE_KEY, "{not json");
    expect(readCart(window.localStorage)).toBe(EMPTY_CART);
    window.localStorage.setItem(CART_STORAGE_KEY, JSON.stringify([{ productId: "x", qty: -1 }]));
    expect(readCart(window.localStorage)).toBe(EMPTY_CART);
  });
});

describe("the checkout's idempotency key", () => {
  const items = [{ productId: "p-teapot", qty: 2 }];

  it("is the same for retries of the same cart, new for another cart or after an order", () => {
    const key = checkoutKeyFor(items);
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(checkoutKeyFor([...items])).toBe(key);

    const other = checkoutKeyFor([{ productId: "p-teapot", qty: 3 }]);
    expect(other).not.toBe(key);

    forgetCheckoutKey();
    expect(checkoutKeyFor([{ productId: "p-teapot", qty: 3 }])).not.toBe(other);
  });
});
