import { CATALOG_SLICE_MAX, type Product } from "@shop/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { useRealServices } from "./real-services.ts";

/**
 * A catalog larger than Inventory holds in memory (here: more than 2
 * products; in production CATALOG_HOLD_AT_MOST), over a real PostgreSQL:
 * neither Inventory nor the gateway holds it. Query.products is answered
 * slice by slice from Inventory's `products.catalogSlice`, each slice kept
 * only as bytes, and says what a held catalog would.
 */
const stack = useRealServices({ listen: true, catalogHoldAtMost: 2 });
/** More than one slice. */
const COUNT = CATALOG_SLICE_MAX + 5;

type Item = { id: string; name: string; priceCents: number; stockQty: number };
const sliceCalls = () =>
  stack.calls.filter((c) => c.startsWith("inventory /trpc/products.catalogSlice")).length;

beforeAll(async () => {
  await stack.db.prisma.$executeRaw`
    INSERT INTO products (name, price_cents, stock_qty)
    SELECT 'Oversized item ' || lpad(n::text, 5, '0'), 100 + n, n % 7 FROM generate_series(1, ${COUNT}) n`;
});

/** The catalog as Inventory's GET /products sends it (written by PostgreSQL: not held either). */
async function restCatalog(): Promise<Item[]> {
  const products = (await (await stack.apps.inventory.request("/products")).json()) as Product[];
  return products.map((p) => ({ id: p.id, name: p.name, priceCents: p.price_cents, stockQty: p.stock_qty }));
}

describe("Query.products over a catalog too large to hold", () => {
  it("answers every product, by name, read a slice at a time", async () => {
    const before = sliceCalls();
    const { status, body } = await stack.gateway.graphql("{ products { id name priceCents stockQty } }");
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const items = body.data?.products as Item[];
    expect(items).toHaveLength(COUNT);
    expect(items).toEqual(await restCatalog());
    expect(sliceCalls() - before).toBe(2);
  });

  it("answers under the field's alias, and with stock as it is now", async () => {
    const [first] = await restCatalog();
    await stack.db.prisma.$executeRaw`UPDATE products SET stock_qty = 42 WHERE id = ${first!.id}::uuid`;
    const before = sliceCalls();
    const { body } = await stack.gateway.graphql("query Shelf { shelf: products { id stockQty } }");
    expect(sliceCalls() - before).toBe(2);
    const shelf = body.data?.shelf as Array<{ id: string; stockQty: number }>;
    expect(shelf).toHaveLength(COUNT);
    expect(shelf[0]).toEqual({ id: first!.id, stockQty: 42 });
  });

  it("answers a query that needs it as one list, beside other fields, the usual way", async () => {
    const { body } = await stack.gateway.graphql(
      "{ products { id } catalog(first: 1) { edges { node { id } } } }",
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.products).toHaveLength(COUNT);
  });

  it("sends a query's errors as a held catalog would", async () => {
    const { status, body } = await stack.gateway.graphql("{ products { id nope } }");
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/nope/);
  });
});
