import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createLogger, startService } from "@shop/service";
import { useOrders } from "./harness.ts";

/** POST /orders with an optional Idempotency-Key: a retried checkout never places two orders. */
const h = useOrders();

describe("POST /orders with an Idempotency-Key", () => {
  it("places once: a retry gets the first answer byte for byte, and no second order", async () => {
    const mug = await h.createProduct({ stock_qty: 5 });
    const key = randomUUID();
    const body = { items: [{ productId: mug.id, qty: 2 }] };

    const first = await h.rest("POST", "/orders", { key, body });
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const afterFirst = await h.snapshot();

    // The same body, its keys in another order: the same request.
    const retry = await h.rest("POST", "/orders", {
      key,
      rawBody: `{"items":[{"qty":2,"productId":"${mug.id}"}]}`,
      headers: { "content-type": "application/json" },
    });
    expect(retry.status).toBe(201);
    expect(retry.text).toBe(first.text);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await h.snapshot()).toEqual(afterFirst);
    expect(await h.stockOf(mug.id)).toBe(3);
  });

  it("refuses the same key with another body: 422, nothing written", async () => {
    const mug = await h.createProduct({ stock_qty: 5 });
    const key = randomUUID();
    await h.rest("POST", "/orders", { key, body: { items: [{ productId: mug.id, qty: 1 }] } });
    const before = await h.snapshot();

    const res = await h.rest("POST", "/orders", { key, body: { items: [{ productId: mug.id, qty: 2 }] } });
    expect(res).toMatchObject({ status: 422, body: { error: "idempotency_key_reused" } });
    expect(await h.snapshot()).toEqual(before);
  });

  it("stores no answer for a refused placement: the retry runs again and can succeed", async () => {
    const mug = await h.createProduct({ stock_qty: 0 });
    const key = randomUUID();
    const body = { items: [{ productId: mug.id, qty: 1 }] };

    expect((await h.rest("POST", "/orders", { key, body })).status).toBe(409);
    await h.db.product.update({ where: { id: mug.id }, data: { stockQty: 1 } });
    expect((await h.rest("POST", "/orders", { key, body })).status).toBe(201);
    expect(await h.stockOf(mug.id)).toBe(0);
  });

  it("places once when the same key arrives many times at once", async () => {
    const mug = await h.createProduct({ stock_qty: 100 });
    const key = randomUUID();
    const body = { items: [{ productId: mug.id, qty: 1 }] };
    const before = await h.snapshot();

    const answers = await Promise.all(
      Array.from({ length: 10 }, () => h.rest("POST", "/orders", { key, body })),
    );
    // Each is the one placement, its replay, or told the key is in flight; never a second order.
    const placed = answers.filter((a) => a.status === 201);
    expect(placed.length).toBeGreaterThanOrEqual(1);
    expect(new Set(placed.map((a) => a.text)).size).toBe(1);
    for (const answer of answers.filter((a) => a.status !== 201)) {
      expect(answer).toMatchObject({ status: 409, body: { error: "idempotency_key_in_use" } });
    }
    expect((await h.snapshot()).orders).toBe(before.orders + 1);
    expect(await h.stockOf(mug.id)).toBe(99);
  });

  it("shares keys between the doors: the tRPC retry of a REST placement replays it", async () => {
    const mug = await h.createProduct({ stock_qty: 5 });
    const key = randomUUID();
    const items = [{ productId: mug.id, qty: 1 }];

    const viaRest = await h.rest("POST", "/orders", { key, body: { items } });
    const viaTrpc = await h.trpc().orders.place.mutate({ items, idempotency_key: key });
    expect(viaTrpc).toEqual(viaRest.body);
    expect(await h.stockOf(mug.id)).toBe(4);
  });

  it.each([
    // As GraphQL and tRPC refuse "": an empty header is a broken key, not "no key".
    ["that is empty", ""],
    ["of spaces only", "   "],
    ["over 255 characters", "k".repeat(256)],
    ["with a space inside", "two words"],
  ])("refuses a key %s: 400, nothing written", async (_, key) => {
    const mug = await h.createProduct({ stock_qty: 5 });
    const before = await h.snapshot();
    const res = await h.rest("POST", "/orders", { key, body: { items: [{ productId: mug.id, qty: 1 }] } });
    expect(res).toMatchObject({ status: 400, body: { error: "validation_failed" } });
    expect(await h.snapshot()).toEqual(before);
  });

  it("refuses an empty key sent over a real socket (as a black-box test sent it)", async () => {
    const mug = await h.createProduct({ stock_qty: 5 });
    const before = await h.snapshot();
    const server = await startService(h.app, { name: "orders", port: 0, log: createLogger("t", "silent") });
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/orders`, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": "" },
        body: JSON.stringify({ items: [{ productId: mug.id, qty: 1 }] }),
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: "validation_failed" });
    } finally {
      await server.close();
    }
    expect(await h.snapshot()).toEqual(before);
  });

  it("places a new order for every request without a key", async () => {
    const mug = await h.createProduct({ stock_qty: 5 });
    const body = { items: [{ productId: mug.id, qty: 1 }] };
    const first = await h.rest("POST", "/orders", { body });
    const second = await h.rest("POST", "/orders", { body });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.body).not.toEqual(second.body);
    expect(await h.stockOf(mug.id)).toBe(3);
  });
});
