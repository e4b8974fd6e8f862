import { holdRowLock } from "@shop/db/testing";
import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, useRealServices } from "./real-services.ts";

/**
 * A flash sale: one product, far more buyers than units, all at once, half
 * through Orders' REST door and half through the gateway's placeOrder, over
 * a real PostgreSQL. Exactly the stock is sold, every other buyer gets a
 * clean insufficient_stock, and nothing answers 5xx.
 */
const stack = useRealServices();
const STOCK = 6;
const BUYERS = 64;

const PLACE = `mutation($input: PlaceOrderInput!) {
  placeOrder(input: $input) {
    __typename
    ... on Order { id }
    ... on InsufficientStockError { lines { requested available } }
    ... on Error { message }
  }
}`;

describe("a flash sale on one product", () => {
  it(`${BUYERS} buyers at once for ${STOCK} units, REST and GraphQL: exactly ${STOCK} sold, the rest insufficient_stock, no 5xx`, async () => {
    const created = await stack.gateway.graphql(
      `mutation($input: CreateProductInput!) { createProduct(input: $input) { ... on AdminProduct { id } } }`,
      { input: { name: "Flash Teapot", priceCents: 2_500, stockQty: STOCK } },
      { authorization: `Bearer ${ADMIN_TOKEN}` },
    );
    const productId = (created.body.data?.createProduct as { id: string }).id;
    const input = { items: [{ productId, qty: 1 }] };

    const rest = async () => {
      const res = await stack.apps.orders.request("/orders", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(input),
      });
      const body = (await res.json()) as { error?: string };
      return res.status === 201
        ? "sold"
        : res.status === 409 && body.error === "insufficient_stock"
          ? "refused"
          : `REST ${res.status} ${JSON.stringify(body)}`;
    };
    const graphql = async () => {
      const { status, body } = await stack.gateway.graphql(PLACE, { input });
      const answer = body.data?.placeOrder as { __typename: string } | undefined;
      if (status !== 200 || !answer) return `GraphQL ${status} ${JSON.stringify(body)}`;
      return answer.__typename === "Order"
        ? "sold"
        : answer.__typename === "InsufficientStockError"
          ? "refused"
          : `GraphQL ${JSON.stringify(answer)}`;
    };

    // The racers overlap for certain: the product's row is held locked while
    // the buyers arrive, and let go once the database connections are all
    // waiting on it (the pool has 10; 9 placements, whatever the doors).
    const held = await holdRowLock(stack.db.url, "products", productId);
    const buying = Promise.all(Array.from({ length: BUYERS }, (_, i) => (i % 2 === 0 ? rest() : graphql())));
    await held.untilWaiting(9);
    await held.release();
    const outcomes = await buying;

    const odd = outcomes.filter((o) => o !== "sold" && o !== "refused");
    expect(odd).toEqual([]);
    expect(outcomes.filter((o) => o === "sold")).toHaveLength(STOCK);
    expect(outcomes.filter((o) => o === "refused")).toHaveLength(BUYERS - STOCK);
    const product = await stack.db.prisma.product.findUniqueOrThrow({ where: { id: productId } });
    expect(product.stockQty).toBe(0);
    const lines = await stack.db.prisma.orderItem.aggregate({ where: { productId }, _sum: { qty: true } });
    expect(lines._sum.qty).toBe(STOCK);
  });
});
