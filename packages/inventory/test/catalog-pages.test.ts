import type { ProductDetail } from "@shop/contracts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { useInventory } from "./harness.ts";

/**
 * Keyset paging as a property: for random catalogs (names and prices drawn
 * from small sets, so ties are common and the id tie-break matters), page
 * sizes, sorts and searches, the pages read one after the other concatenate
 * to the full sorted list, with no product twice; and while products are
 * inserted and archived between page reads, every product there all along
 * still appears exactly once and in its place.
 */
const h = useInventory();

const SORTS = [undefined, "name", "price_asc", "price_desc", "newest"] as const;
const WORDS = ["Teapot", "Kettle", "Mug", "Crème", "Grinder", "Tray"];

type Query = { sort?: (typeof SORTS)[number]; q?: string; in_stock?: boolean };

async function readAllPages(
  query: Query,
  limit: number,
  between: (page: number) => Promise<void> = async () => {},
): Promise<ProductDetail[]> {
  const seen: ProductDetail[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 1_000; page++) {
    const params = new URLSearchParams({ limit: String(limit) });
    if (query.sort) params.set("sort", query.sort);
    if (query.q) params.set("q", query.q);
    if (query.in_stock) params.set("in_stock", "true");
    if (cursor) params.set("cursor", cursor);
    const res = await h.rest("GET", `/products?${params.toString()}`);
    expect(res.status).toBe(200);
    const items = res.body as ProductDetail[];
    expect(items.length).toBeLessThanOrEqual(limit);
    seen.push(...items);
    const link = res.headers.get("link");
    if (!link) return seen;
    const next = /^<([^>]+)>; rel="next"$/.exec(link)?.[1];
    expect(next).toBeDefined();
    cursor = new URL(next!).searchParams.get("cursor") ?? undefined;
    await between(page);
  }
  throw new Error("paging did not end");
}

async function fullList(query: Query): Promise<ProductDetail[]> {
  return readAllPages(query, 100);
}

const catalogArb = fc.array(
  fc.record({
    name: fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom("", " Small", " Large")).map(([a, b]) => a + b),
    price_cents: fc.constantFrom(500, 1_000, 1_500),
    stock_qty: fc.constantFrom(0, 3),
  }),
  { minLength: 0, maxLength: 40 },
);
const queryArb: fc.Arbitrary<Query> = fc.record(
  {
    sort: fc.constantFrom(...SORTS),
    q: fc.constantFrom("teapot", "TEAPTO", "creme", "kettle small", "mug"),
    in_stock: fc.boolean(),
  },
  { requiredKeys: ["sort"] },
);

async function resetCatalog(rows: { name: string; price_cents: number; stock_qty: number }[]) {
  await h.db.$executeRaw`DELETE FROM products`;
  // One statement with ties in created_at too (the newest sort's tie-break is the id).
  if (rows.length > 0) {
    await h.db.product.createMany({
      data: rows.map((r) => ({ name: r.name, priceCents: r.price_cents, stockQty: r.stock_qty })),
    });
  }
}

describe("keyset pages", () => {
  it("concatenate to the full sorted list, with no product twice", async () => {
    await fc.assert(
      fc.asyncProperty(catalogArb, queryArb, fc.integer({ min: 1, max: 7 }), async (rows, query, limit) => {
        await resetCatalog(rows);
        const full = await fullList(query);
        const paged = await readAllPages(query, limit);
        expect(paged.map((p) => p.id)).toEqual(full.map((p) => p.id));
        expect(new Set(paged.map((p) => p.id)).size).toBe(paged.length);
        if (!query.q) expect(full.length).toBe(rows.filter((r) => !query.in_stock || r.stock_qty > 0).length);
      }),
      { numRuns: 20 },
    );
  }, 180_000);

  it("keep every product that was there all along exactly once and in order while others come and go", async () => {
    await fc.assert(
      fc.asyncProperty(
        catalogArb,
        queryArb,
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.tuple(fc.boolean(), fc.nat(), fc.constantFrom(...WORDS)), { maxLength: 12 }),
        async (rows, query, limit, changes) => {
          await resetCatalog(rows);
          const ids = (await h.db.product.findMany({ select: { id: true } })).map((p) => p.id);
          const touched = new Set<string>();
          const paged = await readAllPages(query, limit, async (page) => {
            const change = changes[page];
            if (!change) return;
            const [insert, n, word] = change;
            if (insert) {
              const created = await h.db.product.create({
                data: { name: `${word} New`, priceCents: 1_000, stockQty: 3 },
              });
              touched.add(created.id);
            } else if (ids.length > 0) {
              const id = ids[n % ids.length]!;
              touched.add(id);
              await h.db.product.update({ where: { id }, data: { archivedAt: new Date() } });
            }
          });
          const ids_ = paged.map((p) => p.id);
          expect(new Set(ids_).size).toBe(ids_.length);
          // The products untouched throughout, in the order the catalog has them now.
          const stable = (await fullList(query)).map((p) => p.id).filter((id) => !touched.has(id));
          expect(ids_.filter((id) => stable.includes(id))).toEqual(stable);
        },
      ),
      { numRuns: 20 },
    );
  }, 180_000);

  it("put the shop's name order as people sort names, what can be bought first and sold out last", async () => {
    const names = ["Zebra mug", "apron", "Bowl 10", "Bowl 2", "éclair tin", "Egg cup", "zoo tray", "Ápple"];
    await resetCatalog(names.map((name, i) => ({ name, price_cents: 500, stock_qty: i % 3 === 0 ? 0 : 3 })));
    const byName = new Intl.Collator("en", { numeric: true }).compare;
    const stock = new Map(names.map((name, i) => [name, i % 3 === 0 ? 0 : 3]));
    const inStock = names.filter((n) => stock.get(n)! > 0).toSorted(byName);
    const soldOut = names.filter((n) => stock.get(n) === 0).toSorted(byName);
    for (const limit of [1, 3, 100]) {
      const shelf = await readAllPages({ sort: "name" }, limit);
      expect(shelf.map((p) => p.name)).toEqual([...inStock, ...soldOut]);
      expect((await readAllPages({}, limit)).map((p) => p.name)).toEqual([...inStock, ...soldOut]);
    }
  });
});
