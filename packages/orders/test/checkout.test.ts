import { describe, expect, it } from "vitest";
import { ACTOR_HEADER } from "@shop/contracts";
import { SERVICE_TOKEN_HEADER } from "@shop/service";
import { TEST_SERVICE_TOKEN } from "@shop/service/testing";
import { refundKey } from "../src/domain/refund-order.ts";
import { UNKNOWN_ID, useOrders } from "./harness.ts";

/**
 * Checkout details, access tokens, lookup, and the lifecycle PENDING → PAID →
 * FULFILLED → REFUNDED (and PENDING → CANCELLED), against PostgreSQL and the
 * real Payments app, with every refused transition.
 */
const h = useOrders();

const customer = { email: "Ada@Example.com", name: "Ada Lovelace", phone: "+44 20 7946 0000" };
const shipping_address = {
  line1: "12 St James's Square",
  city: "London",
  postal_code: "SW1Y 4JH",
  country: "gb",
};

interface Placed {
  orderId: string;
  number: number;
  access_token: string;
  total_cents: number;
}

async function place(qty = 2, price_cents = 500, withDetails = true): Promise<Placed> {
  const product = await h.createProduct({ price_cents, stock_qty: 50 });
  const body = withDetails
    ? { items: [{ productId: product.id, qty }], customer, shipping_address }
    : { items: [{ productId: product.id, qty }] };
  const res = await h.rest("POST", "/orders", { body });
  expect(res.status).toBe(201);
  return res.body as Placed;
}

async function paid(qty = 2, price_cents = 500): Promise<Placed> {
  const order = await place(qty, price_cents);
  expect((await h.rest("POST", `/orders/${order.orderId}/capture`, { admin: true })).status).toBe(200);
  return order;
}

const refund = (id: string, amount_cents: number, extra: Record<string, unknown> = {}, key?: string) =>
  h.rest("POST", `/orders/${id}/refunds`, { admin: true, body: { amount_cents, ...extra }, key });
const fulfil = (id: string, body: unknown = {}) =>
  h.rest("POST", `/orders/${id}/fulfill`, { admin: true, body });
const detail = (id: string) => h.rest("GET", `/orders/${id}/detail`, { admin: true });
const eventsOf = async (id: string) =>
  (await h.db.orderEvent.findMany({ where: { orderId: id }, orderBy: { id: "asc" } })).map((e) => e.type);

describe("placing with checkout details", () => {
  it("stores customer and address, numbers the order, and queues the confirmation in the same transaction", async () => {
    const order = await place();
    expect(order.number).toBeGreaterThanOrEqual(1001);
    const row = await h.db.order.findUniqueOrThrow({ where: { id: order.orderId } });
    expect(row).toMatchObject({
      customerEmail: "Ada@Example.com",
      customerName: "Ada Lovelace",
      shipCountry: "GB",
      number: order.number,
    });
    // Only a hash of the token is stored.
    expect(row.accessTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.accessTokenHash).not.toContain(order.access_token);
    expect(await eventsOf(order.orderId)).toEqual(["placed"]);
    expect(await h.db.emailOutbox.findMany({ where: { orderId: order.orderId } })).toEqual([
      expect.objectContaining({ kind: "order_confirmation", recipient: "Ada@Example.com", sentAt: null }),
    ]);
  });

  it("numbers orders from one sequence: each new order one higher", async () => {
    const a = await place();
    const b = await place();
    expect(b.number).toBe(a.number + 1);
  });

  it("still places the locked body {items}: no customer, no email", async () => {
    const order = await place(1, 500, false);
    expect(await h.db.emailOutbox.count({ where: { orderId: order.orderId } })).toBe(0);
    expect((await detail(order.orderId)).body).toMatchObject({ customer: null, shipping_address: null });
  });

  it.each([
    ["a bad email", { customer: { ...customer, email: "ada@" } }, "customer.email"],
    [
      "an unknown country",
      { shipping_address: { ...shipping_address, country: "XX" } },
      "shipping_address.country",
    ],
    [
      "a three-letter country",
      { shipping_address: { ...shipping_address, country: "GBR" } },
      "shipping_address.country",
    ],
    ["a newline in the name", { customer: { ...customer, name: "Ada\nBob" } }, "customer.name"],
    [
      "a NUL in the street",
      { shipping_address: { ...shipping_address, line1: "a\u0000b" } },
      "shipping_address.line1",
    ],
    ["an empty city", { shipping_address: { ...shipping_address, city: "  " } }, "shipping_address.city"],
    ["a 201-character name", { customer: { ...customer, name: "x".repeat(201) } }, "customer.name"],
    ["a customer without an address", { shipping_address: undefined }, "shipping_address"],
    ["an unknown field", { customer: { ...customer, age: 36 } }, "customer"],
  ])("refuses %s with a field error and writes nothing", async (_what, change, path) => {
    const product = await h.createProduct();
    const before = await h.snapshot();
    const res = await h.rest("POST", "/orders", {
      body: { items: [{ productId: product.id, qty: 1 }], customer, shipping_address, ...change },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: "validation_failed" });
    const paths = ((res.body as { details: Array<{ path: string }> }).details ?? []).map((d) => d.path);
    expect(paths.some((p) => p.startsWith(path))).toBe(true);
    expect(await h.snapshot()).toEqual(before);
  });
});

describe("privacy: personal data only with the access token, or for staff", () => {
  it("keeps personal data out of the public order", async () => {
    const order = await place();
    const text = JSON.stringify((await h.rest("GET", `/orders/${order.orderId}`)).body);
    expect(text).not.toMatch(/Ada|London|Example|7946/);
  });

  it("shows the whole order to the token's holder and to staff, and 404 to anyone else", async () => {
    const order = await place();
    const withToken = await h.rest("GET", `/orders/${order.orderId}/detail?token=${order.access_token}`);
    expect(withToken.status).toBe(200);
    expect(withToken.body).toMatchObject({
      number: order.number,
      customer: { email: "Ada@Example.com", name: "Ada Lovelace", phone: "+44 20 7946 0000" },
      shipping_address: { line1: "12 St James's Square", city: "London", country: "GB" },
    });
    expect((await detail(order.orderId)).status).toBe(200);

    const wrong = await h.rest("GET", `/orders/${order.orderId}/detail?token=${"A".repeat(43)}`);
    const none = await h.rest("GET", `/orders/${order.orderId}/detail`);
    const unknown = await h.rest("GET", `/orders/${UNKNOWN_ID}/detail?token=${order.access_token}`);
    for (const res of [wrong, none, unknown])
      expect(res).toMatchObject({ status: 404, body: { error: "not_found" } });
    // The same words for a wrong token and an unknown id (bar the id itself).
    const message = (res: { body: unknown }, id: string) =>
      (res.body as { message: string }).message.replace(id, "<id>");
    expect(message(wrong, order.orderId)).toBe(message(unknown, UNKNOWN_ID));
  });
});

describe("orderLookup", () => {
  it("finds an order by number and email (any case), and answers a wrong email like an unknown number", async () => {
    const order = await place();
    const found = await h.rest("POST", "/orders/lookup", {
      body: { number: order.number, email: "ada@example.COM" },
    });
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ order: { id: order.orderId, number: order.number } });

    const wrongEmail = await h.rest("POST", "/orders/lookup", {
      body: { number: order.number, email: "eve@example.com" },
    });
    const unknownNumber = await h.rest("POST", "/orders/lookup", {
      body: { number: 999_999, email: "ada@example.com" },
    });
    expect(wrongEmail.status).toBe(404);
    expect({ status: unknownNumber.status, body: unknownNumber.body }).toEqual({
      status: wrongEmail.status,
      body: wrongEmail.body,
    });
  });

  it("is rate limited per order number: the 11th try in the window is 429", async () => {
    const order = await place();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await h.rest("POST", "/orders/lookup", {
        body: { number: order.number, email: `guess${i}@example.com` },
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404));
    expect(statuses[10]).toBe(429);
    // Even the right email is refused while the limit holds.
    const right = await h.rest("POST", "/orders/lookup", {
      body: { number: order.number, email: customer.email },
    });
    expect(right).toMatchObject({ status: 429, body: { error: "rate_limited" } });
  });

  it("refuses a malformed lookup with 400", async () => {
    const res = await h.rest("POST", "/orders/lookup", { body: { number: "1001", email: "nope" } });
    expect(res).toMatchObject({ status: 400, body: { error: "validation_failed" } });
  });
});

describe("lifecycle", () => {
  it("PENDING → PAID → FULFILLED → partly refunded → REFUNDED, each step on the timeline", async () => {
    const order = await paid(2, 500);
    expect((await detail(order.orderId)).body).toMatchObject({ status: "PAID", captured_cents: 1_000 });

    const shipped = await fulfil(order.orderId, { carrier: "DHL", tracking_number: "JD0123" });
    expect(shipped).toMatchObject({
      status: 200,
      body: { status: "FULFILLED", shipment: { carrier: "DHL", tracking_number: "JD0123" } },
    });
    expect(
      (await h.db.emailOutbox.findMany({ where: { orderId: order.orderId }, orderBy: { id: "asc" } })).map(
        (e) => e.kind,
      ),
    ).toEqual(["order_confirmation", "shipping_notice"]);

    const part = await refund(order.orderId, 300, { reason: "one mug arrived broken" });
    expect(part.status).toBe(201);
    expect(part.body).toMatchObject({
      refund: { amount_cents: 300, reason: "one mug arrived broken" },
      order: { status: "FULFILLED", refunded_cents: 300 },
    });

    const rest = await refund(order.orderId, 700);
    expect(rest.body).toMatchObject({ order: { status: "REFUNDED", refunded_cents: 1_000 } });

    expect(await eventsOf(order.orderId)).toEqual([
      "placed",
      "payment_captured",
      "fulfilled",
      "refunded",
      "refunded",
    ]);
    const events = (await detail(order.orderId)).body as {
      events: Array<{ actor: string; request_id: string }>;
    };
    expect(events.events[0]?.actor).toBe("shopper");
    expect(events.events[1]?.actor).toBe("admin token");
    expect(events.events.every((e) => typeof e.request_id === "string")).toBe(true);

    // Payments' side agrees: the charge shows both refunds.
    const row = await h.db.order.findUniqueOrThrow({ where: { id: order.orderId } });
    const refunds = await h.db.refund.findMany({ where: { chargeId: row.chargeId! } });
    expect(refunds.map((r) => r.amountCents).sort()).toEqual([300, 700]);
  });

  it("a refund of a PAID order leaves it PAID until the whole amount is back", async () => {
    const order = await paid(1, 900);
    expect((await refund(order.orderId, 899)).body).toMatchObject({ order: { status: "PAID" } });
    expect((await refund(order.orderId, 1)).body).toMatchObject({ order: { status: "REFUNDED" } });
  });

  it("names the staff member the gateway vouches for on the timeline; a stranger's actor header is ignored", async () => {
    const order = await paid();
    const staff = { kind: "staff", staffId: UNKNOWN_ID, email: "sam@shop.test", role: "manager" };
    const asStaff = await h.rest("POST", `/orders/${order.orderId}/fulfill`, {
      body: { carrier: "UPS" },
      headers: { [SERVICE_TOKEN_HEADER]: TEST_SERVICE_TOKEN, [ACTOR_HEADER]: JSON.stringify(staff) },
    });
    expect(asStaff.status).toBe(200);
    const forged = await h.rest("POST", `/orders/${order.orderId}/refunds`, {
      body: { amount_cents: 100 },
      headers: { [ACTOR_HEADER]: JSON.stringify({ ...staff, role: "owner" }) },
      key: "forged-actor",
    });
    expect(forged.status).toBe(401);
    const { events } = (await detail(order.orderId)).body as {
      events: Array<{ type: string; actor: string }>;
    };
    expect(events.map((e) => [e.type, e.actor])).toEqual([
      ["placed", "shopper"],
      ["payment_captured", "admin token"],
      ["fulfilled", "sam@shop.test"],
    ]);
  });

  it("fulfilling twice ships once and queues one shipping notice", async () => {
    const order = await paid();
    const first = await fulfil(order.orderId, { carrier: "UPS" });
    const second = await fulfil(order.orderId, { carrier: "FedEx" });
    expect(second.body).toEqual(first.body);
    expect(await h.db.emailOutbox.count({ where: { orderId: order.orderId, kind: "shipping_notice" } })).toBe(
      1,
    );
  });

  it("a PENDING order is cancelled with its stock back and a cancelled event", async () => {
    const order = await place(3);
    const res = await h.rest("POST", `/orders/${order.orderId}/cancel`, { admin: true });
    expect(res.body).toMatchObject({ status: "CANCELLED" });
    expect(await eventsOf(order.orderId)).toEqual(["placed", "cancelled"]);
  });
});

describe("refused transitions change nothing", () => {
  async function expectRefused(
    call: () => Promise<{ status: number; body: unknown }>,
    status: number,
    error: string,
    orderId: string,
  ) {
    const before = await h.db.order.findUniqueOrThrow({ where: { id: orderId } });
    const events = await eventsOf(orderId);
    const outbox = await h.db.emailOutbox.count({ where: { orderId } });
    const refunds = await h.db.refund.count();
    expect(await call()).toMatchObject({ status, body: { error } });
    expect(await h.db.order.findUniqueOrThrow({ where: { id: orderId } })).toEqual(before);
    expect(await eventsOf(orderId)).toEqual(events);
    expect(await h.db.emailOutbox.count({ where: { orderId } })).toBe(outbox);
    expect(await h.db.refund.count()).toBe(refunds);
  }

  it("refund on a PENDING order: 409 invalid_state", async () => {
    const order = await place();
    await expectRefused(() => refund(order.orderId, 100), 409, "invalid_state", order.orderId);
  });

  it("a refund over what was captured: 409 refund_exceeds_captured, also after a partial refund", async () => {
    const order = await paid(2, 500);
    await expectRefused(() => refund(order.orderId, 1_001), 409, "refund_exceeds_captured", order.orderId);
    await refund(order.orderId, 600);
    await expectRefused(() => refund(order.orderId, 401), 409, "refund_exceeds_captured", order.orderId);
  });

  it("a refund of a REFUNDED order: 409 invalid_state", async () => {
    const order = await paid(1, 500);
    await refund(order.orderId, 500);
    await expectRefused(() => refund(order.orderId, 1), 409, "invalid_state", order.orderId);
  });

  it("shipping a cancelled order, or a PENDING one: 409 invalid_state", async () => {
    const cancelled = await place();
    await h.rest("POST", `/orders/${cancelled.orderId}/cancel`, { admin: true });
    await expectRefused(() => fulfil(cancelled.orderId), 409, "invalid_state", cancelled.orderId);
    const pending = await place();
    await expectRefused(() => fulfil(pending.orderId), 409, "invalid_state", pending.orderId);
  });

  it("shipping a REFUNDED order: 409 invalid_state", async () => {
    const order = await paid(1, 500);
    await refund(order.orderId, 500);
    await expectRefused(() => fulfil(order.orderId), 409, "invalid_state", order.orderId);
  });

  it("cancelling a PAID or FULFILLED order: 409 invalid_state", async () => {
    const order = await paid();
    await expectRefused(
      () => h.rest("POST", `/orders/${order.orderId}/cancel`, { admin: true }),
      409,
      "invalid_state",
      order.orderId,
    );
    await fulfil(order.orderId);
    await expectRefused(
      () => h.rest("POST", `/orders/${order.orderId}/cancel`, { admin: true }),
      409,
      "invalid_state",
      order.orderId,
    );
  });

  it.each([
    ["a zero amount", { amount_cents: 0 }],
    ["a fractional amount", { amount_cents: 1.5 }],
    ["a string amount", { amount_cents: "100" }],
    ["a reason with a newline", { amount_cents: 1, reason: "a\nb" }],
    ["an unknown field", { amount_cents: 1, note: "x" }],
  ])("refuses a refund with %s (400)", async (_what, body) => {
    const order = await paid();
    await expectRefused(
      () => h.rest("POST", `/orders/${order.orderId}/refunds`, { admin: true, body }),
      400,
      "validation_failed",
      order.orderId,
    );
  });

  it("needs the admin token to ship or refund (401)", async () => {
    const order = await paid();
    await expectRefused(
      () => h.rest("POST", `/orders/${order.orderId}/fulfill`, { body: {} }),
      401,
      "unauthorized",
      order.orderId,
    );
    await expectRefused(
      () => h.rest("POST", `/orders/${order.orderId}/refunds`, { body: { amount_cents: 1 } }),
      401,
      "unauthorized",
      order.orderId,
    );
  });
});

describe("refunds never pay out twice", () => {
  it(
    "concurrent refunds that together exceed the charge: at most the charge is refunded",
    { timeout: 20_000 },
    async () => {
      const order = await paid(2, 500); // 1000 captured
      // Six admins refund 400 each at once; the order's row lock lets two through.
      const answers = await Promise.all(Array.from({ length: 6 }, () => refund(order.orderId, 400)));
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toEqual([201, 201, 409, 409, 409, 409]);

      const row = await h.db.order.findUniqueOrThrow({ where: { id: order.orderId } });
      const atPayments = await h.db.refund.aggregate({
        where: { chargeId: row.chargeId! },
        _sum: { amountCents: true },
      });
      const atOrders = await h.db.orderRefund.aggregate({
        where: { orderId: order.orderId },
        _sum: { amountCents: true },
      });
      expect(row.refundedCents).toBe(800);
      expect(atPayments._sum.amountCents).toBe(800);
      expect(atOrders._sum.amountCents).toBe(800);
    },
  );

  it("a retried refund with the same Idempotency-Key answers the first refund", async () => {
    const order = await paid(2, 500);
    const first = await refund(order.orderId, 250, {}, "refund-click-1");
    const again = await refund(order.orderId, 250, {}, "refund-click-1");
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    expect(await h.db.orderRefund.count({ where: { orderId: order.orderId } })).toBe(1);
  });

  it("a refund whose answer was lost is retried under the same derived key: Payments pays once", async () => {
    const order = await paid(2, 500);
    // Payments refunds, then the answer never reaches Orders.
    h.setPaymentsFetch(async (input, init) => {
      await h.realPayments(input, init);
      throw new TypeError("fetch failed: connection reset");
    });
    expect((await refund(order.orderId, 300)).status).toBe(503);
    expect(await h.db.orderRefund.count({ where: { orderId: order.orderId } })).toBe(0);
    h.resetPayments();

    const retried = await refund(order.orderId, 300);
    expect(retried.status).toBe(201);
    const row = await h.db.order.findUniqueOrThrow({ where: { id: order.orderId } });
    expect(await h.db.refund.count({ where: { chargeId: row.chargeId! } })).toBe(1);
    expect(row.refundedCents).toBe(300);
    const key = await h.db.idempotencyKey.findFirst({
      where: { scope: "payments.refund", key: refundKey(order.orderId, 0) },
    });
    expect(key).not.toBeNull();
  });
});

describe("Payments POST /refunds", () => {
  it("refunds once per key, refuses over-refunds, and GET /charges/:id lists the refunds", async () => {
    const order = await paid(2, 500);
    const { chargeId } = await h.db.order.findUniqueOrThrow({ where: { id: order.orderId } });
    const payments = (path: string, init: RequestInit = {}) =>
      h.realPayments(`http://payments.test${path}`, {
        ...init,
        // Payments answers only Shop's own services.
        headers: {
          "content-type": "application/json",
          [SERVICE_TOKEN_HEADER]: TEST_SERVICE_TOKEN,
          ...(init.headers ?? {}),
        },
      });
    const post = (key: string | undefined, body: unknown) =>
      payments("/refunds", {
        method: "POST",
        body: JSON.stringify(body),
        headers: key ? { "idempotency-key": key } : {},
      });

    const first = await post("r-1", { charge_id: chargeId, amount_cents: 400 });
    expect(first.status).toBe(201);
    const firstBody = (await first.json()) as { refund_id: string };
    expect(firstBody).toEqual({ refund_id: expect.any(String), status: "succeeded", amount_cents: 400 });
    const replay = await post("r-1", { charge_id: chargeId, amount_cents: 400 });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.json()).toEqual(firstBody);
    expect((await post("r-1", { charge_id: chargeId, amount_cents: 401 })).status).toBe(422);
    expect((await post(undefined, { charge_id: chargeId, amount_cents: 1 })).status).toBe(400);
    const over = await post("r-2", { charge_id: chargeId, amount_cents: 601 });
    expect(over.status).toBe(409);
    expect(await over.json()).toMatchObject({ error: "refund_exceeds_captured" });
    expect((await post("r-3", { charge_id: UNKNOWN_ID, amount_cents: 1 })).status).toBe(404);
    // Without the service credential nobody refunds, whatever the body.
    const stranger = await h.realPayments("http://payments.test/refunds", {
      method: "POST",
      body: JSON.stringify({ charge_id: chargeId, amount_cents: 100 }),
      headers: { "content-type": "application/json", "idempotency-key": "r-4" },
    });
    expect(stranger.status).toBe(401);

    const charge = await (await payments(`/charges/${chargeId}`)).json();
    expect(charge).toMatchObject({
      amount_cents: 1_000,
      refunded_cents: 400,
      refunds: [{ id: firstBody.refund_id, amount_cents: 400 }],
    });
  });
});
