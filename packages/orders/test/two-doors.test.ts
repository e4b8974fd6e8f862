import { describe, expect, it } from "vitest";
import { trpcFailure, UNKNOWN_ID, useOrders } from "./harness.ts";

/**
 * One implementation, two doors: every operation is called through REST and
 * through tRPC, and both must give the same answer and the same errors.
 */
const h = useOrders();

describe("the same operation through REST and tRPC", () => {
  it("place, get, list, capture, cancel", async () => {
    const mug = await h.createProduct({ price_cents: 700, stock_qty: 10 });
    const items = [{ productId: mug.id, qty: 2 }];
    const admin = h.trpc({ admin: true });

    const viaRest = (await h.rest("POST", "/orders", { body: { items } })).body as {
      orderId: string;
      number: number;
    };
    const viaTrpc = await h.trpc().orders.place.mutate({ items });
    // Each order its own id, number and token; the rest the same.
    expect(viaTrpc).toEqual({
      ...viaRest,
      orderId: viaTrpc.orderId,
      number: viaRest.number + 1,
      access_token: expect.any(String),
    });
    expect(await h.stockOf(mug.id)).toBe(6);

    expect(await h.trpc().orders.get.query({ id: viaTrpc.orderId })).toEqual(
      (await h.rest("GET", `/orders/${viaTrpc.orderId}`)).body,
    );

    expect(await admin.orders.list.query({ limit: 5 })).toEqual(
      (await h.rest("GET", "/orders?limit=5", { admin: true })).body,
    );

    const captured = await admin.orders.capture.mutate({ id: viaTrpc.orderId });
    expect(captured).toMatchObject({ order: { status: "PAID" }, charge: { status: "succeeded" } });
    // A capture retried through the other door answers the same charge.
    expect((await h.rest("POST", `/orders/${viaTrpc.orderId}/capture`, { admin: true })).body).toEqual(
      captured,
    );

    const cancelled = await admin.orders.cancel.mutate({ id: viaRest.orderId });
    expect(cancelled).toMatchObject({ id: viaRest.orderId, status: "CANCELLED" });
    expect((await h.rest("POST", `/orders/${viaRest.orderId}/cancel`, { admin: true })).body).toEqual(
      cancelled,
    );
    expect(await h.stockOf(mug.id)).toBe(8);
  });

  it.each([
    {
      name: "unknown order",
      rest: () => h.rest("GET", `/orders/${UNKNOWN_ID}`),
      trpc: () => h.trpc().orders.get.query({ id: UNKNOWN_ID }),
      expected: { status: 404, error: "not_found" },
    },
    {
      name: "malformed order id",
      rest: () => h.rest("GET", "/orders/42"),
      trpc: () => h.trpc().orders.get.query({ id: "42" }),
      expected: { status: 400, error: "validation_failed" },
    },
    {
      name: "empty order",
      rest: () => h.rest("POST", "/orders", { body: { items: [] } }),
      trpc: () => h.trpc().orders.place.mutate({ items: [] }),
      expected: { status: 400, error: "validation_failed" },
    },
    {
      name: "a qty of 0",
      rest: () => h.rest("POST", "/orders", { body: { items: [{ productId: UNKNOWN_ID, qty: 0 }] } }),
      trpc: () => h.trpc().orders.place.mutate({ items: [{ productId: UNKNOWN_ID, qty: 0 }] }),
      expected: { status: 400, error: "validation_failed" },
    },
    {
      name: "unknown product",
      rest: () => h.rest("POST", "/orders", { body: { items: [{ productId: UNKNOWN_ID, qty: 1 }] } }),
      trpc: () => h.trpc().orders.place.mutate({ items: [{ productId: UNKNOWN_ID, qty: 1 }] }),
      expected: { status: 404, error: "not_found" },
    },
    {
      name: "bad cursor",
      rest: () => h.rest("GET", "/orders?cursor=xyz", { admin: true }),
      trpc: () => h.trpc({ admin: true }).orders.list.query({ cursor: "xyz" }),
      expected: { status: 400, error: "validation_failed" },
    },
    {
      name: "index without the token",
      rest: () => h.rest("GET", "/orders"),
      trpc: () => h.trpc().orders.list.query({}),
      expected: { status: 401, error: "unauthorized" },
    },
    {
      name: "capture without the token",
      rest: () => h.rest("POST", `/orders/${UNKNOWN_ID}/capture`),
      trpc: () => h.trpc().orders.capture.mutate({ id: UNKNOWN_ID }),
      expected: { status: 401, error: "unauthorized" },
    },
    {
      name: "cancel without the token",
      rest: () => h.rest("POST", `/orders/${UNKNOWN_ID}/cancel`),
      trpc: () => h.trpc().orders.cancel.mutate({ id: UNKNOWN_ID }),
      expected: { status: 401, error: "unauthorized" },
    },
  ])("$name fails alike on both doors, writing nothing", async ({ rest, trpc, expected }) => {
    const before = await h.snapshot();
    const viaRest = await rest();
    expect({ status: viaRest.status, error: (viaRest.body as { error: string }).error }).toEqual(expected);
    expect(await trpcFailure(trpc())).toMatchObject(expected);
    expect(await h.snapshot()).toEqual(before);
  });

  it("refuses the last unit's second buyer alike, with the same details", async () => {
    const mug = await h.createProduct({ stock_qty: 1 });
    const items = [{ productId: mug.id, qty: 1 }];
    expect((await h.rest("POST", "/orders", { body: { items } })).status).toBe(201);

    const viaRest = await h.rest("POST", "/orders", { body: { items } });
    const viaTrpc = await trpcFailure(h.trpc().orders.place.mutate({ items }));
    const details = [{ productId: mug.id, requested: 1, available: 0 }];
    expect(viaRest).toMatchObject({ status: 409, body: { error: "insufficient_stock", details } });
    expect(viaTrpc).toMatchObject({ status: 409, error: "insufficient_stock", details });
  });

  it("answers a failed charge alike: 402 payment_failed with the charge in details", async () => {
    const mug = await h.createProduct({ stock_qty: 5 });
    const placed = await h.trpc().orders.place.mutate({ items: [{ productId: mug.id, qty: 1 }] });
    h.setChargeOutcome(() => "failed");
    try {
      const viaRest = await h.rest("POST", `/orders/${placed.orderId}/capture`, { admin: true });
      const viaTrpc = await trpcFailure(
        h.trpc({ admin: true }).orders.capture.mutate({ id: placed.orderId }),
      );
      expect(viaRest).toMatchObject({ status: 402, body: { error: "payment_failed" } });
      expect(viaTrpc).toMatchObject({ status: 402, error: "payment_failed" });
      // Two attempts, two charges: each failed capture moved the order to a new attempt.
      expect(viaTrpc.details).toEqual({ status: "failed", charge_id: expect.any(String) });
      expect(viaTrpc.details).not.toEqual((viaRest.body as { details: unknown }).details);
    } finally {
      h.resetPayments();
    }
  });
});
