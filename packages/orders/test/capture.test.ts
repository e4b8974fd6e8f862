import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { captureKey } from "../src/domain/capture-order.ts";
import { PAYMENTS_TIMEOUT_MS, UNKNOWN_ID, useOrders } from "./harness.ts";

/**
 * POST /orders/:id/capture against the real Payments app (in-process, same
 * database): one charge per attempt however often a capture is retried.
 */
const h = useOrders();
afterEach(() => h.resetPayments());

async function placeOrder(qty = 2, price_cents = 1_250) {
  const product = await h.createProduct({ price_cents, stock_qty: 10 });
  const res = await h.rest("POST", "/orders", { body: { items: [{ productId: product.id, qty }] } });
  expect(res.status).toBe(201);
  return {
    orderId: (res.body as { orderId: string }).orderId,
    productId: product.id,
    total: qty * price_cents,
  };
}

const capture = (orderId: string, headers: Record<string, string> = {}) =>
  h.rest("POST", `/orders/${orderId}/capture`, { admin: true, headers });
const chargesOf = (orderId: string) =>
  h.db.charge.findMany({ where: { orderId }, orderBy: { createdAt: "asc" } });
const orderRow = (id: string) => h.db.order.findUniqueOrThrow({ where: { id } });

describe("POST /orders/:id/capture", () => {
  it("charges the total through Payments and marks the order PAID", async () => {
    const { orderId, total } = await placeOrder();
    const res = await capture(orderId);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      order: expect.objectContaining({ id: orderId, status: "PAID", total_cents: total }),
      charge: { status: "succeeded", charge_id: expect.any(String) },
    });
    const charges = await chargesOf(orderId);
    expect(charges).toEqual([expect.objectContaining({ amountCents: total, status: "succeeded" })]);
    expect((res.body as { charge: { charge_id: string } }).charge.charge_id).toBe(charges[0]?.id);
    expect(await orderRow(orderId)).toMatchObject({ status: "PAID", chargeId: charges[0]?.id });
  });

  it("answers a retried capture with the same charge, and charges once", async () => {
    const { orderId } = await placeOrder();
    const first = await capture(orderId);
    const retry = await capture(orderId);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(await chargesOf(orderId)).toHaveLength(1);
  });

  it("charges once when captures of one order race", async () => {
    const { orderId } = await placeOrder();
    const answers = await Promise.all(Array.from({ length: 5 }, () => capture(orderId)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(await chargesOf(orderId)).toHaveLength(1);
  });

  it("keeps the order PENDING when the charge fails (402), and a later capture makes a new charge", async () => {
    const { orderId } = await placeOrder();
    h.setChargeOutcome(() => "failed");
    const failed = await capture(orderId);
    expect(failed.status).toBe(402);
    const failedCharges = await chargesOf(orderId);
    expect(failed.body).toEqual({
      error: "payment_failed",
      message: expect.stringContaining("PENDING"),
      details: { status: "failed", charge_id: failedCharges[0]?.id },
    });
    expect(await orderRow(orderId)).toMatchObject({ status: "PENDING", captureAttempts: 1, chargeId: null });
    expect((await h.rest("GET", `/orders/${orderId}`)).body).toMatchObject({ status: "PENDING" });

    h.setChargeOutcome(() => "succeeded");
    const paid = await capture(orderId);
    expect(paid).toMatchObject({
      status: 200,
      body: { order: { status: "PAID" }, charge: { status: "succeeded" } },
    });
    const charges = await chargesOf(orderId);
    expect(charges.map((c) => c.status)).toEqual(["failed", "succeeded"]);
    expect((paid.body as { charge: { charge_id: string } }).charge.charge_id).toBe(charges[1]?.id);
  });

  it("refuses to capture a CANCELLED order: 409 invalid_state, no charge", async () => {
    const { orderId } = await placeOrder();
    expect((await h.rest("POST", `/orders/${orderId}/cancel`, { admin: true })).status).toBe(200);
    const res = await capture(orderId);
    expect(res).toMatchObject({ status: 409, body: { error: "invalid_state" } });
    expect(await chargesOf(orderId)).toHaveLength(0);
  });

  it("forwards the request id to Payments", async () => {
    const { orderId } = await placeOrder();
    const seen: Array<string | null> = [];
    h.setPaymentsFetch(async (input, init) => {
      seen.push(new Headers(init?.headers).get("x-request-id"));
      return h.realPayments(input, init);
    });
    await capture(orderId, { "x-request-id": "checkout-42" });
    expect(seen).toEqual(["checkout-42"]);
  });

  it("sends Payments the order's total under the attempt's key", async () => {
    const { orderId, total } = await placeOrder(3, 999);
    const sent: Array<{ key: string | null; body: unknown }> = [];
    h.setPaymentsFetch(async (input, init) => {
      const request = new Request(input, init);
      sent.push({ key: request.headers.get("idempotency-key"), body: await request.clone().json() });
      return h.realPayments(request);
    });
    await capture(orderId);
    expect(sent).toEqual([{ key: captureKey(orderId, 0), body: { order_id: orderId, amount_cents: total } }]);
  });
});

describe("capture when Payments misbehaves", () => {
  it("answers 503 when Payments is unreachable, and leaves the order as it was", async () => {
    const { orderId } = await placeOrder();
    const before = await orderRow(orderId);
    h.setPaymentsFetch(() =>
      Promise.reject(new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } })),
    );
    const res = await capture(orderId);
    expect(res).toMatchObject({ status: 503, body: { error: "service_unavailable" } });
    expect(await orderRow(orderId)).toEqual(before);
  });

  it("gives up on a slow Payments (503); the retry reuses the charge Payments made meanwhile", async () => {
    const { orderId } = await placeOrder();
    const before = await orderRow(orderId);
    // Payments takes longer than the client waits, but does charge in the end.
    let charged: Promise<Response> | undefined;
    h.setPaymentsFetch((input, init) => {
      charged = sleep(PAYMENTS_TIMEOUT_MS + 200).then(() => h.realPayments(input, { ...init, signal: null }));
      return new Promise((_, reject) =>
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason as Error)),
      );
    });

    const started = performance.now();
    const slow = await capture(orderId);
    expect(slow).toMatchObject({ status: 503, body: { error: "service_unavailable" } });
    expect((slow.body as { message: string }).message).toContain(`${PAYMENTS_TIMEOUT_MS} ms`);
    expect(performance.now() - started).toBeLessThan(PAYMENTS_TIMEOUT_MS + 1_000);
    expect(await orderRow(orderId)).toEqual(before);

    expect((await charged)?.status).toBe(201);
    h.resetPayments();
    const retry = await capture(orderId);
    expect(retry).toMatchObject({ status: 200, body: { order: { status: "PAID" } } });
    const charges = await chargesOf(orderId);
    expect(charges).toHaveLength(1);
    expect((retry.body as { charge: { charge_id: string } }).charge.charge_id).toBe(charges[0]?.id);
  });

  it("answers 409 while Payments is still busy with the same key, order unchanged", async () => {
    const { orderId } = await placeOrder();
    const before = await orderRow(orderId);
    h.setPaymentsFetch(() =>
      Promise.resolve(
        Response.json({ error: "idempotency_key_in_use", message: "in flight" }, { status: 409 }),
      ),
    );
    expect(await capture(orderId)).toMatchObject({ status: 409, body: { error: "conflict" } });
    expect(await orderRow(orderId)).toEqual(before);
  });

  it.each([
    ["a 500", () => Response.json({ error: "internal_error", message: "boom" }, { status: 500 })],
    ["a body that is not a charge", () => Response.json({ ok: true }, { status: 201 })],
    ["a body that is not JSON", () => new Response("<html>proxy error</html>", { status: 201 })],
  ])("answers 503 when Payments answers %s, order unchanged", async (_, answer) => {
    const { orderId } = await placeOrder();
    const before = await orderRow(orderId);
    h.setPaymentsFetch(() => Promise.resolve(answer()));
    expect(await capture(orderId)).toMatchObject({ status: 503, body: { error: "service_unavailable" } });
    expect(await orderRow(orderId)).toEqual(before);
  });
});

describe("capture against cancel", () => {
  it("serialises on the order's row lock: a cancel during the Payments call waits, then sees PAID", async () => {
    const { orderId, productId } = await placeOrder(2);
    const stockBefore = await h.stockOf(productId);
    let paymentsCalled!: () => void;
    const inPayments = new Promise<void>((resolve) => (paymentsCalled = resolve));
    h.setPaymentsFetch(async (input, init) => {
      paymentsCalled();
      await sleep(200);
      return h.realPayments(input, init);
    });

    const capturing = capture(orderId);
    await inPayments;
    const cancelling = h.rest("POST", `/orders/${orderId}/cancel`, { admin: true });
    const [captured, cancelled] = await Promise.all([capturing, cancelling]);

    expect(captured).toMatchObject({ status: 200, body: { order: { status: "PAID" } } });
    expect(cancelled).toMatchObject({ status: 409, body: { error: "invalid_state" } });
    expect(await h.stockOf(productId)).toBe(stockBefore);
  });
});

describe("capture input", () => {
  it.each([
    ["an unknown order", UNKNOWN_ID, 404, "not_found"],
    ["a malformed id", "42", 400, "validation_failed"],
  ])("answers %s with %i", async (_, id, status, error) => {
    expect(await capture(id)).toMatchObject({ status, body: { error } });
  });
});
