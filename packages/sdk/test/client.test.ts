import { TEST_SERVICE_TOKEN } from "@shop/service/testing";
import { describe, expect, it } from "vitest";
import { ShopClientError } from "../src/index.ts";
import { ADMIN_TOKEN, rejectionOf, useShop } from "./harness.ts";

/** The SDK against the real Inventory, Orders and Payments, in process, over one test database. */
const shop = useShop();
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

const newProduct = (name: string, stock_qty = 5) => ({ name, price_cents: 1_250, stock_qty });

describe("a script's round trip through the SDK", () => {
  it("creates a product (admin), lists it, places an order, reads it back and captures it", async () => {
    const admin = shop.client({ adminToken: ADMIN_TOKEN });
    const teapot = await admin.inventory.products.create.mutate(newProduct("Round-trip teapot"));

    const sdk = shop.client();
    const products = await sdk.inventory.products.list.query();
    expect(products).toContainEqual(teapot);

    const placed = await sdk.orders.orders.place.mutate({ items: [{ productId: teapot.id, qty: 2 }] });
    // The locked fields, and the order's number and access token besides.
    expect(placed).toMatchObject({ orderId: expect.any(String), status: "PENDING", total_cents: 2_500 });

    const order = await sdk.orders.orders.get.query({ id: placed.orderId });
    expect(order).toMatchObject({
      id: placed.orderId,
      status: "PENDING",
      total_cents: 2_500,
      items: [{ product_id: teapot.id, qty: 2, price_cents: 1_250 }],
    });
    expect(await sdk.inventory.products.get.query({ id: teapot.id })).toMatchObject({ stock_qty: 3 });

    const captured = await admin.orders.orders.capture.mutate({ id: placed.orderId });
    expect(captured.order.status).toBe("PAID");
    // Payments answers only Shop's own parts: a script that reads charges holds the service token.
    const internal = shop.client({ serviceToken: TEST_SERVICE_TOKEN });
    expect(await internal.payments.charges.get.query({ id: captured.charge.charge_id })).toMatchObject({
      order_id: placed.orderId,
      amount_cents: 2_500,
      status: "succeeded",
    });
  });

  it("replays a placement sent again with the same idempotency key", async () => {
    const admin = shop.client({ adminToken: ADMIN_TOKEN });
    const cup = await admin.inventory.products.create.mutate(newProduct("Replayed cup"));
    const request = { items: [{ productId: cup.id, qty: 1 }], idempotency_key: `sdk-test-${cup.id}` };

    const first = await admin.orders.orders.place.mutate(request);
    expect(await admin.orders.orders.place.mutate(request)).toEqual(first);
    expect(await admin.inventory.products.get.query({ id: cup.id })).toMatchObject({ stock_qty: 4 });
  });
});

describe("failed calls reject with a ShopClientError", () => {
  it("carries the service's code, status, message and where it failed", async () => {
    const err = await rejectionOf(shop.client().inventory.products.get.query({ id: UNKNOWN_ID }));

    expect(err).toBeInstanceOf(ShopClientError);
    expect(err).toMatchObject({
      name: "ShopClientError",
      code: "not_found",
      status: 404,
      service: "inventory",
      procedure: "products.get",
      timedOut: false,
    });
    expect((err as ShopClientError).message).toMatch(UNKNOWN_ID);
  });

  it("says unauthorized when an admin procedure is called without the token", async () => {
    const err = await rejectionOf(shop.client().inventory.products.create.mutate(newProduct("Nope")));
    expect(err).toMatchObject({ code: "unauthorized", status: 401 });

    const wrong = shop.client({ adminToken: "not-the-admin-token-at-all" });
    expect(await rejectionOf(wrong.orders.orders.list.query({}))).toMatchObject({ code: "unauthorized" });
  });

  it("passes on the details of insufficient_stock, and nothing was written", async () => {
    const admin = shop.client({ adminToken: ADMIN_TOKEN });
    const vase = await admin.inventory.products.create.mutate(newProduct("Last vase", 1));

    const err = await rejectionOf(
      admin.orders.orders.place.mutate({ items: [{ productId: vase.id, qty: 2 }] }),
    );
    expect(err).toMatchObject({
      code: "insufficient_stock",
      status: 409,
      service: "orders",
      procedure: "orders.place",
      details: [{ productId: vase.id, requested: 2, available: 1 }],
    });
    expect(await admin.inventory.products.get.query({ id: vase.id })).toMatchObject({ stock_qty: 1 });
  });

  it("reports bad input as validation_failed with the offending fields", async () => {
    const err = await rejectionOf(
      shop.client().orders.orders.place.mutate({ items: [{ productId: UNKNOWN_ID, qty: 0 }] }),
    );
    expect(err).toMatchObject({ code: "validation_failed", status: 400 });
    expect(JSON.stringify((err as ShopClientError).details)).toContain("items.0.qty");
  });
});

describe("request ids", () => {
  const sentIds = (from: number) =>
    shop.exchanges.slice(from).map((e) => e.requestHeaders.get("x-request-id") ?? "(none)");

  it("sends a new id with every call by default", async () => {
    const from = shop.exchanges.length;
    const sdk = shop.client();
    await sdk.inventory.products.list.query();
    await sdk.inventory.products.list.query();

    const [a, b] = sentIds(from);
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });

  it("sends a given id with every call, calls a given function per call, and lets one call set its own", async () => {
    let from = shop.exchanges.length;
    const fixed = shop.client({ requestId: "nightly-report-42" });
    await fixed.inventory.products.list.query();
    await fixed.orders.orders.get.query({ id: UNKNOWN_ID }).catch(() => undefined);
    expect(sentIds(from)).toEqual(["nightly-report-42", "nightly-report-42"]);

    from = shop.exchanges.length;
    let n = 0;
    const counted = shop.client({ requestId: () => `run-7.call-${++n}` });
    await counted.inventory.products.list.query();
    await counted.inventory.products.list.query(undefined, { context: { requestId: "by-hand" } });
    await counted.inventory.products.list.query();
    expect(sentIds(from)).toEqual(["run-7.call-1", "by-hand", "run-7.call-2"]);
  });

  it("names the request id in the error, to find the call in the service's logs", async () => {
    const err = await rejectionOf(
      shop.client({ requestId: "find-me-in-the-logs" }).inventory.products.get.query({ id: UNKNOWN_ID }),
    );
    expect(err).toMatchObject({ requestId: "find-me-in-the-logs" });
  });

  it("sends the admin token only when given", async () => {
    const from = shop.exchanges.length;
    await shop.client().inventory.products.list.query();
    await shop.client({ adminToken: ADMIN_TOKEN }).inventory.products.list.query();
    expect(shop.exchanges.slice(from).map((e) => e.requestHeaders.get("authorization"))).toEqual([
      null,
      `Bearer ${ADMIN_TOKEN}`,
    ]);
  });
});
