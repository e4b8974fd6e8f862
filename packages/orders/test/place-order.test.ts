import { ORDER_LINES_MAX, ORDER_TOTAL_MAX } from "@shop/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { UNKNOWN_ID, useOrders, type RestOptions } from "./harness.ts";

/** POST /orders through the REST door: what it writes, and everything it refuses without writing. */
const h = useOrders();

const place = (items: unknown, options: RestOptions = {}) =>
  h.rest("POST", "/orders", { body: { items }, ...options });

describe("POST /orders", () => {
  it("places an order: 201 {orderId, status, total_cents}, lines at today's price, stock decremented", async () => {
    const mug = await h.createProduct({ price_cents: 1_200, stock_qty: 5 });
    const tea = await h.createProduct({ name: "Tea", price_cents: 900, stock_qty: 3 });

    const res = await place([
      { productId: mug.id, qty: 2 },
      { productId: tea.id, qty: 3 },
    ]);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      orderId: expect.any(String),
      status: "PENDING",
      total_cents: 2 * 1_200 + 3 * 900,
      number: expect.any(Number),
      access_token: expect.stringMatching(/^[\w-]{43}$/),
    });
    // The locked fields first and unchanged; number and access_token are additions.
    expect(Object.keys(res.body as object)).toEqual([
      "orderId",
      "status",
      "total_cents",
      "number",
      "access_token",
    ]);
    expect(await h.stockOf(mug.id)).toBe(3);
    expect(await h.stockOf(tea.id)).toBe(0);

    // The price is copied at order time: a later price change leaves the order as it was.
    await h.db.product.update({ where: { id: mug.id }, data: { priceCents: 9_999 } });
    const order = await h.rest("GET", `/orders/${(res.body as { orderId: string }).orderId}`);
    expect(order.body).toMatchObject({
      status: "PENDING",
      total_cents: 5_100,
      items: expect.arrayContaining([
        { product_id: mug.id, qty: 2, price_cents: 1_200 },
        { product_id: tea.id, qty: 3, price_cents: 900 },
      ]),
    });
  });

  it("merges lines naming the same product into one", async () => {
    const mug = await h.createProduct({ price_cents: 100, stock_qty: 10 });
    const res = await place([
      { productId: mug.id, qty: 2 },
      { productId: mug.id.toUpperCase(), qty: 3 },
    ]);
    expect(res).toMatchObject({ status: 201, body: { total_cents: 500 } });
    const lines = await h.db.orderItem.findMany({
      where: { orderId: (res.body as { orderId: string }).orderId },
    });
    expect(lines).toEqual([expect.objectContaining({ productId: mug.id, qty: 5, priceCents: 100 })]);
    expect(await h.stockOf(mug.id)).toBe(5);
  });

  it("sells the last unit, and stock ends at exactly 0", async () => {
    const mug = await h.createProduct({ stock_qty: 1 });
    expect((await place([{ productId: mug.id, qty: 1 }])).status).toBe(201);
    expect(await h.stockOf(mug.id)).toBe(0);
  });

  it("names every short line: 409 insufficient_stock with details, nothing written", async () => {
    const plenty = await h.createProduct({ stock_qty: 50 });
    const few = await h.createProduct({ stock_qty: 2 });
    const none = await h.createProduct({ stock_qty: 0 });
    const before = await h.snapshot();

    const res = await place([
      { productId: plenty.id, qty: 1 },
      { productId: few.id, qty: 3 },
      { productId: none.id, qty: 1 },
    ]);
    expect(res.status).toBe(409);
    const body = res.body as { error: string; message: string; details: unknown[] };
    expect(body.error).toBe("insufficient_stock");
    expect(body.message).toContain(few.id);
    expect(body.message).toContain(none.id);
    expect(body.details).toHaveLength(2);
    expect(body.details).toEqual(
      expect.arrayContaining([
        { productId: few.id, requested: 3, available: 2 },
        { productId: none.id, requested: 1, available: 0 },
      ]),
    );
    expect(await h.snapshot()).toEqual(before);
  });

  it("checks merged quantities against stock", async () => {
    const mug = await h.createProduct({ stock_qty: 4 });
    const res = await place([
      { productId: mug.id, qty: 3 },
      { productId: mug.id, qty: 2 },
    ]);
    expect(res).toMatchObject({
      status: 409,
      body: { error: "insufficient_stock", details: [{ productId: mug.id, requested: 5, available: 4 }] },
    });
    expect(await h.stockOf(mug.id)).toBe(4);
  });

  it("names unknown and archived products: 404 not_found with details, nothing written", async () => {
    const kept = await h.createProduct();
    const archived = await h.createProduct({ name: "Old mug" });
    await h.db.product.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    const before = await h.snapshot();

    const res = await place([
      { productId: kept.id, qty: 1 },
      { productId: UNKNOWN_ID, qty: 1 },
      { productId: archived.id, qty: 1 },
    ]);
    expect(res.status).toBe(404);
    const body = res.body as { error: string; message: string; details: unknown[] };
    expect(body.error).toBe("not_found");
    expect(body.message).toContain(UNKNOWN_ID);
    expect(body.message).toContain(archived.id);
    expect(body.details).toEqual(
      expect.arrayContaining([{ productId: UNKNOWN_ID }, { productId: archived.id }]),
    );
    expect(body.details).toHaveLength(2);
    expect(await h.snapshot()).toEqual(before);
  });

  it("refuses a total above ORDER_TOTAL_MAX, and a total of 0: 400, nothing written", async () => {
    const dear = await h.createProduct({ price_cents: 100_000_000, stock_qty: 1_000 });
    const free = await h.createProduct({ price_cents: 0, stock_qty: 1_000 });
    const before = await h.snapshot();

    const tooMuch = await place([{ productId: dear.id, qty: ORDER_TOTAL_MAX / 100_000_000 + 1 }]);
    expect(tooMuch).toMatchObject({ status: 400, body: { error: "validation_failed" } });
    expect((tooMuch.body as { message: string }).message).toContain(String(ORDER_TOTAL_MAX));

    // 10^11 cents: far beyond PostgreSQL's int4, summed exactly (bigint) and refused, not a 500.
    const beyondInt4 = await place([{ productId: dear.id, qty: 1_000 }]);
    expect(beyondInt4).toMatchObject({ status: 400, body: { error: "validation_failed" } });
    expect((beyondInt4.body as { message: string }).message).toContain("100000000000");

    const nothing = await place([{ productId: free.id, qty: 3 }]);
    expect(nothing).toMatchObject({ status: 400, body: { error: "validation_failed" } });
    expect(await h.snapshot()).toEqual(before);
  });
});

describe("POST /orders with bad input", () => {
  // A product the well-formed lines below name, so each refusal is the input's fault, not a 404.
  const valid = "0a000000-0000-4000-8000-000000000000";
  const json = { "content-type": "application/json" };
  beforeAll(async () => {
    await h.db.product.create({ data: { id: valid, name: "Valid", priceCents: 100, stockQty: 1_000 } });
  });

  it("places the same line when it is well-formed (the control)", async () => {
    expect((await place([{ productId: valid, qty: 1 }])).status).toBe(201);
  });

  it.each<[string, RestOptions, number, string]>([
    ["empty items", { body: { items: [] } }, 400, "validation_failed"],
    ["missing items", { body: {} }, 400, "validation_failed"],
    ["items as an object", { body: { items: { productId: valid, qty: 1 } } }, 400, "validation_failed"],
    ["a qty of 0", { body: { items: [{ productId: valid, qty: 0 }] } }, 400, "validation_failed"],
    ["a negative qty", { body: { items: [{ productId: valid, qty: -2 }] } }, 400, "validation_failed"],
    ["a fractional qty", { body: { items: [{ productId: valid, qty: 0.5 }] } }, 400, "validation_failed"],
    ["a huge qty", { body: { items: [{ productId: valid, qty: 1e12 }] } }, 400, "validation_failed"],
    ["a qty as a string", { body: { items: [{ productId: valid, qty: "1" }] } }, 400, "validation_failed"],
    ["a malformed product id", { body: { items: [{ productId: "mug", qty: 1 }] } }, 400, "validation_failed"],
    ["a numeric product id", { body: { items: [{ productId: 42, qty: 1 }] } }, 400, "validation_failed"],
    [
      "more than 100 lines",
      { body: { items: Array.from({ length: ORDER_LINES_MAX + 1 }, () => ({ productId: valid, qty: 1 })) } },
      400,
      "validation_failed",
    ],
    [
      "an unknown field",
      { body: { items: [{ productId: valid, qty: 1 }], coupon: "FREE" } },
      400,
      "validation_failed",
    ],
    [
      "an unknown field in a line",
      { body: { items: [{ productId: valid, qty: 1, price_cents: 1 }] } },
      400,
      "validation_failed",
    ],
    ["an array body", { body: [{ productId: valid, qty: 1 }] }, 400, "validation_failed"],
    ["broken JSON", { rawBody: '{"items": [', headers: json }, 400, "invalid_json"],
    ["an empty body", { rawBody: "", headers: json }, 400, "invalid_json"],
    [
      "a form body",
      { rawBody: "items=1", headers: { "content-type": "text/plain" } },
      415,
      "unsupported_media_type",
    ],
    ["an oversized body", { body: { items: [], pad: "x".repeat(100 * 1024) } }, 413, "payload_too_large"],
    [
      "an empty Idempotency-Key",
      { body: { items: [{ productId: valid, qty: 1 }] }, key: "" },
      400,
      "validation_failed",
    ],
  ])("refuses %s: %i %s, nothing written", async (_, options, status, error) => {
    const before = await h.snapshot();
    const res = await h.rest("POST", "/orders", options);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ error, message: expect.any(String) });
    expect(await h.snapshot()).toEqual(before);
  });

  it("names the offending fields in details", async () => {
    const res = await place([
      { productId: "mug", qty: 1 },
      { productId: UNKNOWN_ID, qty: 0 },
    ]);
    const details = (res.body as { details: Array<{ path: string }> }).details;
    expect(details.map((d) => d.path).sort()).toEqual(["items.0.productId", "items.1.qty"]);
  });
});
