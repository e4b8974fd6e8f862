import { holdRowLock } from "@shop/db/testing";
import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, useRealServices } from "./real-services.ts";

/**
 * A flash sale: one product, far more buyers than units, all at once, half
 * through Orders' REST door and half through the gateway's placeOrder, over
 * a real PostgreSQL. Exactly the stock is sold, every other buyer gets a
 * clean insufficient_stock, and nothing answers 5xx. The services listen to
 * the database's change notifications as in production, so Orders' sold-out
 * gate is on.
 */
const stack = useRealServices({ listen: true });
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

async function createProduct(name: string, stockQty: number): Promise<string> {
  const created = await stack.gateway.graphql(
    `mutation($input: CreateProductInput!) { createProduct(input: $input) { ... on AdminProduct { id } } }`,
    { input: { name, priceCents: 2_500, stockQty } },
    { authorization: `Bearer ${ADMIN_TOKEN}` },
  );
  return (created.body.data?.createProduct as { id: string }).id;
}

async function buyRest(productId: string, key?: string) {
  const res = await stack.apps.orders.request("/orders", {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { "idempotency-key": key } : {}) },
    body: JSON.stringify({ items: [{ productId, qty: 1 }] }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Sets the product's stock to 1 through Inventory (a restock); its status. */
async function restockOne(productId: string): Promise<number> {
  const res = await stack.apps.inventory.request(`/products/${productId}/stock`, {
    method: "PATCH",
    headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ stock_qty: 1 }),
  });
  return res.status;
}

/** How many times the gateway has called Orders' orders.place so far. */
const placeCalls = () =>
  stack.calls.filter((call) => call.startsWith("orders ") && call.includes("orders.place")).length;

/** Placements Orders refused from memory (its sold-out gate), so far. */
async function fromMemory(): Promise<number> {
  const counter = stack.apps.metrics.orders.registry.getSingleMetric("orders_refused_sold_out_total");
  return (await counter?.get())?.values[0]?.value ?? 0;
}

describe("a flash sale on one product", () => {
  it(`${BUYERS} buyers at once for ${STOCK} units, REST and GraphQL: exactly ${STOCK} sold, the rest insufficient_stock, no 5xx`, async () => {
    const productId = await createProduct("Flash Teapot", STOCK);
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

  it("after the last unit, buyers are refused without the database until a restock, through both doors", async () => {
    const productId = await createProduct("Last Kettle", 1);
    // Counted from here: the sale above may have had refusals from memory.
    const before = await fromMemory();
    const fromMemoryHere = async () => (await fromMemory()) - before;
    const keyed = await buyRest(productId, "flash-last-kettle");
    expect(keyed.status).toBe(201);
    // The database refuses the next buyer and says the product has none left.
    expect((await buyRest(productId)).status).toBe(409);

    // Refusals from Orders' memory are counted apart. (The listener may
    // still be connecting when the file starts: wait for the first.)
    let rest = await buyRest(productId);
    for (let tries = 0; (await fromMemoryHere()) === 0 && tries < 250; tries++) {
      await new Promise((r) => setTimeout(r, 20));
      rest = await buyRest(productId);
    }
    expect(await fromMemoryHere()).toBe(1);
    expect(rest).toEqual({
      status: 409,
      body: expect.objectContaining({
        error: "insufficient_stock",
        details: [{ productId, requested: 1, available: 0 }],
      }) as unknown,
    });
    // Through the gateway, the same refusal, which the gateway asks of the
    // database, not of Orders' memory (see the next test).
    const placing = placeCalls();
    const graphql = await stack.gateway.graphql(PLACE, { input: { items: [{ productId, qty: 1 }] } });
    expect(graphql.body.data?.placeOrder).toEqual({
      __typename: "InsufficientStockError",
      lines: [{ requested: 1, available: 0 }],
      message: expect.any(String) as unknown,
    });
    expect(placeCalls()).toBe(placing + 1);
    expect(await fromMemoryHere()).toBe(1);
    // A retry of the sold order with its Idempotency-Key still gets that order: its stored answer comes first.
    expect(await buyRest(productId, "flash-last-kettle")).toEqual(keyed);
    expect(await fromMemoryHere()).toBe(1);

    // A restock is heard (its notification), and the next buyer gets a unit.
    expect(await restockOne(productId)).toBe(200);
    let after = await buyRest(productId);
    for (let tries = 0; after.status === 409 && tries < 250; tries++) {
      await new Promise((r) => setTimeout(r, 20));
      after = await buyRest(productId);
    }
    expect(after.status).toBe(201);
    // Until the restock's notification arrives a buyer may still be refused
    // from memory (the gate's documented window), so the count is read after
    // the sale: the mark is gone, and the next buyer is refused by the database.
    const counted = await fromMemoryHere();
    expect((await buyRest(productId)).status).toBe(409);
    expect(await fromMemoryHere()).toBe(counted);
  });

  it("after the database refuses a buyer through the gateway, the gateway refuses the next without Orders until a restock", async () => {
    const productId = await createProduct("Last Lamp", 1);
    const buy = async (input: Record<string, unknown>) => {
      const placing = placeCalls();
      const { body } = await stack.gateway.graphql(PLACE, { input });
      return { answer: body.data?.placeOrder as { __typename: string }, askedOrders: placeCalls() > placing };
    };
    const one = { items: [{ productId, qty: 1 }] };
    expect(await buy(one)).toMatchObject({ answer: { __typename: "Order" }, askedOrders: true });

    // The database refuses the next buyer, and the gateway marks the product.
    // (Its listener may still be connecting when the file starts: a mark is
    // taken only while it hears changes, so buy until one is.)
    let refused = await buy(one);
    for (let tries = 0; refused.askedOrders && tries < 250; tries++) {
      await new Promise((r) => setTimeout(r, 20));
      refused = await buy(one);
    }
    expect(refused).toEqual({
      answer: {
        __typename: "InsufficientStockError",
        lines: [{ requested: 1, available: 0 }],
        message: expect.stringContaining("Last Lamp") as unknown,
      },
      askedOrders: false,
    });
    // The same product twice in one order is one line of 2, as Orders merges it.
    expect(
      await buy({
        items: [
          { productId: productId.toUpperCase(), qty: 1 },
          { productId, qty: 1 },
        ],
      }),
    ).toEqual({
      answer: expect.objectContaining({ lines: [{ requested: 2, available: 0 }] }) as unknown,
      askedOrders: false,
    });

    // Orders alone answers what it would refuse otherwise, or must look up.
    expect(await buy({ items: [{ productId, qty: 0 }] })).toMatchObject({
      answer: { __typename: "ValidationError" },
      askedOrders: true,
    });
    expect(await buy({ ...one, customer: { email: "not an email", name: "Ann" } })).toMatchObject({
      answer: { __typename: "ValidationError" },
      askedOrders: true,
    });
    expect(await buy({ ...one, idempotencyKey: "last-lamp-retry" })).toMatchObject({
      answer: { __typename: "InsufficientStockError" },
      askedOrders: true,
    });

    // A restock is heard, and the next buyer gets the unit.
    expect(await restockOne(productId)).toBe(200);
    let after = await buy(one);
    for (let tries = 0; after.answer.__typename !== "Order" && tries < 250; tries++) {
      await new Promise((r) => setTimeout(r, 20));
      after = await buy(one);
    }
    expect(after).toMatchObject({ answer: { __typename: "Order" }, askedOrders: true });
  });
});
