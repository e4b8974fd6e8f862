import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, useRealServices } from "./real-services.ts";

/**
 * The gateway's kept catalog pages over a real PostgreSQL, the services and
 * the gateway listening to its notifications as in production: a page read
 * again costs Inventory nothing, and a change drops exactly the pages it
 * concerns (a stock change: the pages showing the product; a product
 * running out: also the shelf's pages; a content change: all).
 */
const stack = useRealServices({ listen: true });

const CATALOG = `query($first: Int, $sort: CatalogSort) {
  catalog(first: $first, sort: $sort) { edges { node { id name stockQty } } }
}`;

type Edge = { node: { id: string; name: string; stockQty: number } };

async function page(sort: "PRICE_ASC" | "PRICE_DESC" | "NAME", first: number) {
  const { body } = await stack.gateway.graphql(CATALOG, { first, sort });
  return (body.data?.catalog as { edges: Edge[] }).edges.map((e) => e.node);
}

/** How many times the gateway asked Inventory for a page in this order. */
const pageCalls = (sort: string) =>
  stack.calls.filter((c) => c.startsWith("inventory /trpc/products.page") && c.includes(`"${sort}"`)).length;

async function createProduct(name: string, priceCents: number, stockQty: number): Promise<string> {
  const res = await stack.apps.inventory.request("/products", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ name, price_cents: priceCents, stock_qty: stockQty }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function setStock(id: string, stockQty: number) {
  const res = await stack.apps.inventory.request(`/products/${id}/stock`, {
    method: "PATCH",
    headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ stock_qty: stockQty }),
  });
  expect(res.status).toBe(200);
}

describe("the gateway's catalog pages, dropped per product", () => {
  it("keeps a page, drops it for a stock change on it or a product running out on the shelf, and not otherwise", async () => {
    // The cheapest and the dearest products of this database: the first pages by price.
    const cheap = await createProduct("Penny Spoon", 1, 5);
    await createProduct("Penny Fork", 2, 5);
    const dear = await createProduct("Zinc Kettle", 99_000_000, 3);
    // The listener connects when the gateway starts, and the creations above
    // arrive as content changes: read until a page is answered from memory
    // three times running, 20 ms apart (every notification of them is in).
    await expect
      .poll(
        async () => {
          await page("PRICE_ASC", 2);
          const before = pageCalls("price_asc");
          for (let i = 0; i < 3; i++) {
            await new Promise((r) => setTimeout(r, 20));
            await page("PRICE_ASC", 2);
          }
          return pageCalls("price_asc") - before;
        },
        { timeout: 10_000 },
      )
      .toBe(0);
    const byPrice = pageCalls("price_asc");
    expect((await page("PRICE_ASC", 2)).map((p) => p.id)[0]).toBe(cheap);
    expect(pageCalls("price_asc")).toBe(byPrice); // answered from memory

    // A sale elsewhere (stock above zero): seen on the page showing it, the cheap page kept.
    await page("PRICE_DESC", 1);
    expect((await page("NAME", 2)).map((p) => p.name)).toEqual(["Penny Fork", "Penny Spoon"]);
    const byName = pageCalls("name");
    await setStock(dear, 2);
    await expect.poll(async () => (await page("PRICE_DESC", 1))[0]?.stockQty, { timeout: 5_000 }).toBe(2);
    expect((await page("PRICE_ASC", 2))[0]?.stockQty).toBe(5);
    expect(pageCalls("price_asc")).toBe(byPrice);
    await page("NAME", 2);
    expect(pageCalls("name")).toBe(byName); // the shelf is not reordered by a sale that leaves stock

    // The dear product runs out: the shelf's pages are asked again, the cheap page is still kept.
    await setStock(dear, 0);
    await expect.poll(async () => (await page("PRICE_DESC", 1))[0]?.stockQty, { timeout: 5_000 }).toBe(0);
    await expect
      .poll(
        async () => {
          await page("NAME", 2);
          return pageCalls("name");
        },
        { timeout: 5_000 },
      )
      .toBeGreaterThan(byName);
    await page("PRICE_ASC", 2);
    expect(pageCalls("price_asc")).toBe(byPrice);

    // An order of the cheap product, straight to Orders: its page shows the new level.
    const placed = await stack.apps.orders.request("/orders", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ items: [{ productId: cheap, qty: 1 }] }),
    });
    expect(placed.status).toBe(201);
    await expect.poll(async () => (await page("PRICE_ASC", 2))[0]?.stockQty, { timeout: 5_000 }).toBe(4);

    // A rename through the gateway: its own next read shows it (no waiting for the notification).
    const renamed = await stack.gateway.graphql(
      `mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { __typename } }`,
      { id: cheap, input: { name: "Copper Spoon" } },
      { authorization: `Bearer ${ADMIN_TOKEN}` },
    );
    expect(renamed.body.errors).toBeUndefined();
    expect((await page("PRICE_ASC", 2))[0]?.name).toBe("Copper Spoon");
    // Pages are asked for with the content version the gateway has heard of,
    // so an Inventory replica that has not heard of it yet reads its search
    // matches from the database (see products.page).
    await expect
      .poll(() => stack.calls.filter((c) => c.includes("products.page")).at(-1))
      .toMatch(/"content_version":"\d+"/);
  });
});
