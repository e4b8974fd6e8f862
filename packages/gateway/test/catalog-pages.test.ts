import type { CatalogPage, CatalogPageInput } from "@shop/contracts";
import { describe, expect, it } from "vitest";
import { CatalogPages } from "../src/services/catalog-pages.ts";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

/** A page of these products, and a counter of how often Inventory was asked for one. */
function inventory() {
  const calls = { count: 0 };
  const pageOf =
    (...ns: number[]) =>
    (): Promise<CatalogPage> => {
      calls.count++;
      return Promise.resolve({
        items: ns.map((n) => ({
          id: id(n),
          name: `P${n}`,
          price_cents: 100,
          stock_qty: 5,
          description: "",
          sku: null,
          images: [],
        })),
        cursors: ns.map((n) => `c${n}`),
        next_cursor: null,
        total_count: null,
      });
    };
  return { calls, pageOf };
}

const SHELF: CatalogPageInput = { limit: 2, sort: "name" };
const BY_PRICE: CatalogPageInput = { limit: 2, sort: "price_asc" };
const IN_STOCK: CatalogPageInput = { limit: 2, sort: "price_asc", in_stock: true };

/** A fetch that answers only once released: changes can be heard while it is "reading". */
function held(fetch: () => Promise<CatalogPage>) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  return {
    slow: async () => {
      await gate;
      return fetch();
    },
    release: () => release(),
  };
}

function listening() {
  const pages = new CatalogPages();
  pages.setListening(true);
  return pages;
}

describe("CatalogPages", () => {
  it("asks Inventory every time while change notifications do not arrive", async () => {
    const pages = new CatalogPages();
    const { calls, pageOf } = inventory();
    await pages.get(SHELF, pageOf(1, 2));
    await pages.get(SHELF, pageOf(1, 2));
    expect(calls.count).toBe(2);
    expect(pages.size).toBe(0);
  });

  it("answers a page read again from memory, one entry per query", async () => {
    const pages = listening();
    const { calls, pageOf } = inventory();
    const first = await pages.get(SHELF, pageOf(1, 2));
    expect(await pages.get({ sort: "name", limit: 2 }, pageOf(1, 2))).toBe(first);
    expect(calls.count).toBe(1);
    await pages.get({ ...SHELF, cursor: "c2" }, pageOf(3, 4));
    expect(calls.count).toBe(2);
  });

  it("keeps 500 pages, dropping the one read least recently", async () => {
    const pages = listening();
    const { calls, pageOf } = inventory();
    const page = (n: number): CatalogPageInput => ({ ...BY_PRICE, cursor: `c${n}` });
    for (let n = 0; n < 500; n++) await pages.get(page(n), pageOf(n));
    await pages.get(page(0), pageOf(0)); // read again: now the most recent
    await pages.get(page(500), pageOf(500)); // one too many: page 1 goes
    expect(pages.size).toBe(500);
    expect(calls.count).toBe(501);
    await pages.get(page(0), pageOf(0));
    expect(calls.count).toBe(501);
    await pages.get(page(1), pageOf(1));
    expect(calls.count).toBe(502);
  });

  it("drops only the pages showing a product whose stock moved", async () => {
    const pages = listening();
    const { calls, pageOf } = inventory();
    await pages.get(BY_PRICE, pageOf(1, 2));
    await pages.get({ ...BY_PRICE, cursor: "c2" }, pageOf(3, 4));
    pages.stockChanged([id(3)]);
    await pages.get(BY_PRICE, pageOf(1, 2)); // kept
    expect(calls.count).toBe(2);
    await pages.get({ ...BY_PRICE, cursor: "c2" }, pageOf(3, 4)); // asked again
    expect(calls.count).toBe(3);
  });

  it("on a product running out elsewhere, drops the pages its sold-out state orders or filters, not the others", async () => {
    const pages = listening();
    const { calls, pageOf } = inventory();
    await pages.get(SHELF, pageOf(1, 2));
    await pages.get(IN_STOCK, pageOf(1, 2));
    await pages.get(BY_PRICE, pageOf(1, 2));
    pages.stockChanged([id(9)]); // a sale elsewhere, stock still above zero
    expect(pages.size).toBe(3);
    pages.soldOutChanged([id(9)]); // and now it ran out
    expect(pages.size).toBe(1);
    await pages.get(BY_PRICE, pageOf(1, 2));
    expect(calls.count).toBe(3);
  });

  it("drops everything on a content change, on '*', and when the listener is lost (then keeps nothing)", async () => {
    const pages = listening();
    const { calls, pageOf } = inventory();
    await pages.get(BY_PRICE, pageOf(1, 2));
    pages.contentChanged();
    expect(pages.size).toBe(0);
    await pages.get(BY_PRICE, pageOf(1, 2));
    pages.stockChanged("all");
    expect(pages.size).toBe(0);
    await pages.get(BY_PRICE, pageOf(1, 2));
    pages.setListening(false);
    expect(pages.size).toBe(0);
    await pages.get(BY_PRICE, pageOf(1, 2));
    expect(pages.size).toBe(0);
    expect(calls.count).toBe(4);
  });

  it("does not keep a page fetched while a change to one of its products was heard", async () => {
    const pages = listening();
    const { calls, pageOf } = inventory();
    const { slow, release } = held(pageOf(1, 2));
    const pending = pages.get(BY_PRICE, slow);
    pages.stockChanged([id(2)]); // committed while Inventory was reading: the page may predate it
    release();
    await pending;
    expect(pages.size).toBe(0);
    await pages.get(BY_PRICE, pageOf(1, 2));
    expect(calls.count).toBe(2);
  });

  it("keeps a page fetched while only other products changed", async () => {
    const pages = listening();
    const { pageOf } = inventory();
    const { slow, release } = held(pageOf(1, 2));
    const pending = pages.get(BY_PRICE, slow);
    pages.stockChanged([id(7)]);
    pages.soldOutChanged([id(8)]); // a price-ordered page is not made by sold-out states
    release();
    await pending;
    expect(pages.size).toBe(1);
  });

  it("does not keep a page fetched across more changes than it remembers", async () => {
    const pages = listening();
    const { pageOf } = inventory();
    const { slow, release } = held(pageOf(1, 2));
    const pending = pages.get(BY_PRICE, slow);
    for (let n = 0; n < 1_000; n++) pages.stockChanged([id(100 + n)]);
    release();
    await pending;
    expect(pages.size).toBe(0);
  });
});
