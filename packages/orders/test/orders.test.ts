import { describe, expect, it } from "vitest";
import { UNKNOWN_ID, useOrders, type RestAnswer } from "./harness.ts";

/** The other REST routes: read one order, cancel, the admin index, auth and plumbing. */
const h = useOrders();

async function placeOrder(lines: Array<{ productId: string; qty: number }>) {
  const res = await h.rest("POST", "/orders", { body: { items: lines } });
  expect(res.status).toBe(201);
  return (res.body as { orderId: string }).orderId;
}

describe("GET /orders/:id", () => {
  it("answers {id, status, total_cents, items: [{product_id, qty, price_cents}], created_at}", async () => {
    const a = await h.createProduct({ price_cents: 300 });
    const b = await h.createProduct({ price_cents: 50 });
    const id = await placeOrder([
      { productId: a.id, qty: 1 },
      { productId: b.id, qty: 4 },
    ]);
    const res = await h.rest("GET", `/orders/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id,
      number: expect.any(Number),
      status: "PENDING",
      total_cents: 500,
      refunded_cents: 0,
      items: expect.arrayContaining([
        { product_id: a.id, qty: 1, price_cents: 300 },
        { product_id: b.id, qty: 4, price_cents: 50 },
      ]),
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect((res.body as { items: unknown[] }).items).toHaveLength(2);
  });

  it.each([
    ["an unknown id", UNKNOWN_ID, 404, "not_found"],
    ["a malformed id", "not-a-uuid", 400, "validation_failed"],
  ])("answers %s with a JSON error", async (_, id, status, error) => {
    const res = await h.rest("GET", `/orders/${id}`);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ error, message: expect.any(String) });
  });
});

describe("POST /orders/:id/cancel", () => {
  it("cancels a PENDING order and puts its stock back", async () => {
    const a = await h.createProduct({ stock_qty: 5 });
    const b = await h.createProduct({ stock_qty: 5 });
    const id = await placeOrder([
      { productId: a.id, qty: 2 },
      { productId: b.id, qty: 5 },
    ]);
    expect([await h.stockOf(a.id), await h.stockOf(b.id)]).toEqual([3, 0]);

    const res = await h.rest("POST", `/orders/${id}/cancel`, { admin: true });
    expect(res).toMatchObject({ status: 200, body: { id, status: "CANCELLED" } });
    expect([await h.stockOf(a.id), await h.stockOf(b.id)]).toEqual([5, 5]);
  });

  it("answers a CANCELLED order unchanged, and returns its stock only once", async () => {
    const a = await h.createProduct({ stock_qty: 5 });
    const id = await placeOrder([{ productId: a.id, qty: 1 }]);
    const first = await h.rest("POST", `/orders/${id}/cancel`, { admin: true });
    const again = await h.rest("POST", `/orders/${id}/cancel`, { admin: true });
    expect(again).toMatchObject({ status: 200, body: first.body as object });
    expect(await h.stockOf(a.id)).toBe(5);
  });

  it("returns stock once when cancels of one order race", async () => {
    const a = await h.createProduct({ stock_qty: 5 });
    const id = await placeOrder([{ productId: a.id, qty: 3 }]);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => h.rest("POST", `/orders/${id}/cancel`, { admin: true })),
    );
    expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await h.stockOf(a.id)).toBe(5);
  });

  it("puts stock back for an archived product too", async () => {
    const a = await h.createProduct({ stock_qty: 5 });
    const id = await placeOrder([{ productId: a.id, qty: 2 }]);
    await h.db.product.update({ where: { id: a.id }, data: { archivedAt: new Date() } });
    expect((await h.rest("POST", `/orders/${id}/cancel`, { admin: true })).status).toBe(200);
    expect(await h.stockOf(a.id)).toBe(5);
  });

  it("refuses to cancel a PAID order: 409 invalid_state, stock not returned", async () => {
    const a = await h.createProduct({ stock_qty: 5 });
    const id = await placeOrder([{ productId: a.id, qty: 2 }]);
    expect((await h.rest("POST", `/orders/${id}/capture`, { admin: true })).status).toBe(200);
    const res = await h.rest("POST", `/orders/${id}/cancel`, { admin: true });
    expect(res).toMatchObject({ status: 409, body: { error: "invalid_state" } });
    expect(await h.stockOf(a.id)).toBe(3);
    expect((await h.rest("GET", `/orders/${id}`)).body).toMatchObject({ status: "PAID" });
  });

  it.each([
    ["an unknown order", UNKNOWN_ID, 404, "not_found"],
    ["a malformed id", "42", 400, "validation_failed"],
  ])("answers %s with %i", async (_, id, status, error) => {
    const res = await h.rest("POST", `/orders/${id}/cancel`, { admin: true });
    expect(res).toMatchObject({ status, body: { error } });
  });
});

describe("GET /orders (admin index)", () => {
  type Page = {
    orders: Array<{ id: string; status: string; created_at: string }>;
    next_cursor: string | null;
  };
  const page = (res: RestAnswer) => res.body as Page;

  it("pages newest first by cursor, every order exactly once, and filters by status", async () => {
    await h.db.order.deleteMany();
    const product = await h.createProduct({ stock_qty: 100 });
    // Seven orders, three of them at the same instant, across a page boundary: the id breaks the tie.
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await placeOrder([{ productId: product.id, qty: 1 }]));
    const sameInstant = new Date("2030-01-01T00:00:00.000Z");
    await h.db.order.updateMany({ where: { id: { in: ids.slice(4) } }, data: { createdAt: sameInstant } });
    await h.rest("POST", `/orders/${ids[1]}/cancel`, { admin: true });
    await h.rest("POST", `/orders/${ids[3]}/cancel`, { admin: true });

    const expected = await h.db.order.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : "?limit=2";
      const res = await h.rest("GET", `/orders${query}`, { admin: true });
      expect(res.status).toBe(200);
      seen.push(...page(res).orders.map((o) => o.id));
      cursor = page(res).next_cursor;
      pages++;
    } while (cursor !== null);
    expect(pages).toBe(4);
    expect(seen).toEqual(expected.map((o) => o.id));

    const cancelled = page(await h.rest("GET", "/orders?status=CANCELLED", { admin: true }));
    expect(cancelled.orders.map((o) => o.id).sort()).toEqual([ids[1], ids[3]].sort());
    expect(cancelled.next_cursor).toBeNull();

    const pendingFirst = page(await h.rest("GET", "/orders?status=PENDING&limit=2", { admin: true }));
    expect(pendingFirst.orders.every((o) => o.status === "PENDING")).toBe(true);
    const pendingNext = page(
      await h.rest("GET", `/orders?status=PENDING&limit=10&cursor=${pendingFirst.next_cursor}`, {
        admin: true,
      }),
    );
    expect([...pendingFirst.orders, ...pendingNext.orders].map((o) => o.id)).toEqual(
      expected.filter((o) => o.status === "PENDING").map((o) => o.id),
    );
  });

  it("answers an empty page with no cursor when nothing matches", async () => {
    await h.db.order.deleteMany({ where: { status: "PAID" } });
    expect(page(await h.rest("GET", "/orders?status=PAID", { admin: true }))).toEqual({
      orders: [],
      next_cursor: null,
      total_count: 0,
    });
  });

  it.each([
    ["a bad cursor", "?cursor=bm90LWEtY3Vyc29y"],
    ["a limit of 0", "?limit=0"],
    ["a limit over 100", "?limit=101"],
    ["a fractional limit", "?limit=1.5"],
    ["an unknown status", "?status=SHIPPED"],
    ["an unknown parameter", "?page=2"],
  ])("answers %s with 400 validation_failed", async (_, query) => {
    const res = await h.rest("GET", `/orders${query}`, { admin: true });
    expect(res).toMatchObject({
      status: 400,
      body: { error: "validation_failed", message: expect.any(String) },
    });
  });
});

describe("admin routes", () => {
  it.each([
    ["GET", () => "/orders"],
    ["POST", (id: string) => `/orders/${id}/capture`],
    ["POST", (id: string) => `/orders/${id}/cancel`],
  ])("%s %s answers 401 without the token, and with a wrong one, changing nothing", async (method, path) => {
    const product = await h.createProduct({ stock_qty: 5 });
    const id = await placeOrder([{ productId: product.id, qty: 1 }]);
    const before = await h.snapshot();
    for (const headers of [
      {} as Record<string, string>,
      { authorization: "Bearer wrong-token-wrong-token" },
      { authorization: "Basic abc" },
    ]) {
      const res = await h.rest(method, path(id), { headers });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error: "unauthorized" });
    }
    expect(await h.snapshot()).toEqual(before);
    expect((await h.rest("GET", `/orders/${id}`)).body).toMatchObject({ status: "PENDING" });
  });

  it("leaves placing and reading an order public", async () => {
    const product = await h.createProduct({ stock_qty: 5 });
    const id = await placeOrder([{ productId: product.id, qty: 1 }]);
    expect((await h.rest("GET", `/orders/${id}`)).status).toBe(200);
  });
});

describe("plumbing", () => {
  it("echoes a caller's x-request-id", async () => {
    const res = await h.rest("GET", `/orders/${UNKNOWN_ID}`, { headers: { "x-request-id": "req-7" } });
    expect(res.headers.get("x-request-id")).toBe("req-7");
  });

  it("answers /healthz and /readyz", async () => {
    expect(await h.rest("GET", "/healthz")).toMatchObject({ status: 200, body: { status: "ok" } });
    expect(await h.rest("GET", "/readyz")).toMatchObject({ status: 200, body: { status: "ready" } });
  });

  it("serves an OpenAPI document of the REST routes", async () => {
    const res = await h.rest("GET", "/openapi.json");
    const doc = res.body as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: object };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/orders", "/orders/{id}", "/orders/{id}/capture", "/orders/{id}/cancel"]),
    );
    expect(doc.components.schemas).toHaveProperty("PlaceOrderInput");
    expect(doc.components.schemas).toHaveProperty("CaptureResult");
  });

  it("answers unknown routes with a JSON 404", async () => {
    expect(await h.rest("GET", "/nope")).toMatchObject({ status: 404, body: { error: "not_found" } });
  });
});
