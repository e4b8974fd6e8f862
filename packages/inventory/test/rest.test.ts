import { describe, expect, it } from "vitest";
import { product, useInventory } from "./harness.ts";

const h = useInventory();
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

async function createProduct(overrides = {}) {
  const res = await h.rest("POST", "/products", { admin: true, body: product(overrides) });
  expect(res.status).toBe(201);
  return res.body as { id: string; name: string; price_cents: number; stock_qty: number };
}

async function productCount() {
  return h.db.product.count();
}

describe("GET /products", () => {
  it("lists exactly {id, name, price_cents, stock_qty}, archived products excluded", async () => {
    const kept = await createProduct({ name: "Kettle" });
    const gone = await createProduct({ name: "Old kettle" });
    await h.rest("DELETE", `/products/${gone.id}`, { admin: true });

    const res = await h.rest("GET", "/products");
    expect(res.status).toBe(200);
    const list = res.body as Array<Record<string, unknown>>;
    expect(list).toContainEqual(kept);
    expect(list.map((p) => p.id)).not.toContain(gone.id);
    for (const item of list) {
      expect(Object.keys(item).sort()).toEqual(["id", "name", "price_cents", "stock_qty"]);
      expect(Number.isInteger(item.price_cents)).toBe(true);
      expect(Number.isInteger(item.stock_qty)).toBe(true);
    }
  });
});

describe("GET /products/:id", () => {
  it("answers the product", async () => {
    const created = await createProduct();
    const res = await h.rest("GET", `/products/${created.id}`);
    expect(res).toMatchObject({ status: 200, body: created });
  });

  it.each([
    ["an unknown id", UNKNOWN_ID, 404, "not_found"],
    ["a malformed id", "not-a-uuid", 400, "validation_failed"],
  ])("answers %s with a JSON error", async (_, id, status, error) => {
    const res = await h.rest("GET", `/products/${id}`);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ error, message: expect.any(String) });
  });

  it("answers 404 for an archived product", async () => {
    const created = await createProduct();
    await h.rest("DELETE", `/products/${created.id}`, { admin: true });
    expect((await h.rest("GET", `/products/${created.id}`)).status).toBe(404);
  });
});

describe("POST /products", () => {
  it("creates a product: 201 with the product", async () => {
    const res = await h.rest("POST", "/products", { admin: true, body: product({ name: "  Spoon  " }) });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), name: "Spoon", price_cents: 2_500, stock_qty: 7 });
  });

  it.each([
    ["an empty name", { body: product({ name: "" }) }, 400, "validation_failed"],
    ["a blank name", { body: product({ name: "   " }) }, 400, "validation_failed"],
    ["a negative price", { body: product({ price_cents: -1 }) }, 400, "validation_failed"],
    ["a 201-character name", { body: product({ name: "x".repeat(201) }) }, 400, "validation_failed"],
    ["a name with a NUL in it", { body: product({ name: "Tea\u0000pot" }) }, 400, "validation_failed"],
    ["a fractional price", { body: product({ price_cents: 9.99 }) }, 400, "validation_failed"],
    ["a huge price", { body: product({ price_cents: 1e12 }) }, 400, "validation_failed"],
    ["a price as a string", { body: { ...product(), price_cents: "100" } }, 400, "validation_failed"],
    ["a negative stock", { body: product({ stock_qty: -3 }) }, 400, "validation_failed"],
    ["a fractional stock", { body: product({ stock_qty: 1.5 }) }, 400, "validation_failed"],
    ["a missing field", { body: { name: "x", price_cents: 1 } }, 400, "validation_failed"],
    ["an unknown field", { body: { ...product(), id: "x" } }, 400, "validation_failed"],
    ["an array body", { body: [product()] }, 400, "validation_failed"],
    [
      "broken JSON",
      { rawBody: '{"name": "x",', headers: { "content-type": "application/json" } },
      400,
      "invalid_json",
    ],
    ["an empty body", { rawBody: "", headers: { "content-type": "application/json" } }, 400, "invalid_json"],
    [
      "a form body",
      { rawBody: "name=x", headers: { "content-type": "application/x-www-form-urlencoded" } },
      415,
      "unsupported_media_type",
    ],
    ["an oversized body", { body: product({ name: "x".repeat(100 * 1024) }) }, 413, "payload_too_large"],
  ])("refuses %s and writes nothing", async (_, options, status, error) => {
    const before = await productCount();
    const res = await h.rest("POST", "/products", { admin: true, ...options });
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ error, message: expect.any(String) });
    expect(await productCount()).toBe(before);
  });

  it("names the offending fields in details", async () => {
    const res = await h.rest("POST", "/products", {
      admin: true,
      body: product({ name: "", price_cents: -5 }),
    });
    expect((res.body as { details: Array<{ path: string }> }).details.map((d) => d.path).sort()).toEqual([
      "name",
      "price_cents",
    ]);
  });
});

describe("PATCH /products/:id", () => {
  it("renames and reprices", async () => {
    const created = await createProduct();
    const res = await h.rest("PATCH", `/products/${created.id}`, {
      admin: true,
      body: { name: "Big teapot", price_cents: 3_000 },
    });
    expect(res).toMatchObject({ status: 200, body: { ...created, name: "Big teapot", price_cents: 3_000 } });
  });

  it.each([
    ["an empty patch", {}],
    ["an empty name", { name: "" }],
    ["a negative price", { price_cents: -1 }],
    ["a stock change (it has its own route)", { stock_qty: 1 }],
  ])("refuses %s and changes nothing", async (_, body) => {
    const created = await createProduct();
    const res = await h.rest("PATCH", `/products/${created.id}`, { admin: true, body });
    expect(res.status).toBe(400);
    expect((await h.rest("GET", `/products/${created.id}`)).body).toEqual({
      ...created,
      description: "",
      sku: null,
      images: [],
    });
  });

  it("answers 404 for an unknown id", async () => {
    const res = await h.rest("PATCH", `/products/${UNKNOWN_ID}`, { admin: true, body: { name: "x" } });
    expect(res).toMatchObject({ status: 404, body: { error: "not_found" } });
  });
});

describe("PATCH /products/:id/stock", () => {
  it("sets the level with {stock_qty}", async () => {
    const created = await createProduct({ stock_qty: 2 });
    const res = await h.rest("PATCH", `/products/${created.id}/stock`, {
      admin: true,
      body: { stock_qty: 40 },
    });
    expect(res).toMatchObject({ status: 200, body: { stock_qty: 40 } });
  });

  it("adjusts the level with {delta}", async () => {
    const created = await createProduct({ stock_qty: 10 });
    const res = await h.rest("PATCH", `/products/${created.id}/stock`, { admin: true, body: { delta: -4 } });
    expect(res).toMatchObject({ status: 200, body: { stock_qty: 6 } });
  });

  it("refuses a delta that would go below zero: 409 insufficient_stock, stock unchanged", async () => {
    const created = await createProduct({ stock_qty: 3 });
    const res = await h.rest("PATCH", `/products/${created.id}/stock`, { admin: true, body: { delta: -4 } });
    expect(res).toMatchObject({
      status: 409,
      body: { error: "insufficient_stock", details: [{ productId: created.id, requested: 4, available: 3 }] },
    });
    expect((await h.rest("GET", `/products/${created.id}`)).body).toMatchObject({ stock_qty: 3 });
  });

  it.each([
    ["both fields", { stock_qty: 1, delta: 1 }],
    ["neither field", {}],
    ["a negative level", { stock_qty: -1 }],
    ["a fractional delta", { delta: 0.5 }],
    ["a zero delta", { delta: 0 }],
  ])("refuses %s", async (_, body) => {
    const created = await createProduct({ stock_qty: 5 });
    const res = await h.rest("PATCH", `/products/${created.id}/stock`, { admin: true, body });
    expect(res).toMatchObject({ status: 400, body: { error: "validation_failed" } });
    expect((await h.rest("GET", `/products/${created.id}`)).body).toMatchObject({ stock_qty: 5 });
  });
});

describe("DELETE /products/:id", () => {
  it("archives (204), twice is fine, and the row stays for old orders", async () => {
    const created = await createProduct();
    expect((await h.rest("DELETE", `/products/${created.id}`, { admin: true })).status).toBe(204);
    expect((await h.rest("DELETE", `/products/${created.id}`, { admin: true })).status).toBe(204);
    const row = await h.db.product.findUnique({ where: { id: created.id } });
    expect(row?.archivedAt).toBeInstanceOf(Date);
  });

  it("answers 404 for an unknown id", async () => {
    expect((await h.rest("DELETE", `/products/${UNKNOWN_ID}`, { admin: true })).status).toBe(404);
  });
});

describe("POST /products/:id/unarchive", () => {
  it("brings an archived product back into the catalog as it was (204); twice is fine", async () => {
    const created = await createProduct({ stock_qty: 4 });
    await h.rest("DELETE", `/products/${created.id}`, { admin: true });
    expect((await h.rest("GET", `/products/${created.id}`)).status).toBe(404);

    expect((await h.rest("POST", `/products/${created.id}/unarchive`, { admin: true })).status).toBe(204);
    expect((await h.rest("POST", `/products/${created.id}/unarchive`, { admin: true })).status).toBe(204);
    // As it was: the product page shows its content too (none was given).
    expect((await h.rest("GET", `/products/${created.id}`)).body).toEqual({
      ...(created as object),
      description: "",
      sku: null,
      images: [],
    });
    expect(((await h.rest("GET", "/products")).body as Array<{ id: string }>).map((p) => p.id)).toContain(
      created.id,
    );
  });

  it("answers 404 for an unknown id, 400 for a malformed one, 401 without the admin token", async () => {
    expect((await h.rest("POST", `/products/${UNKNOWN_ID}/unarchive`, { admin: true })).status).toBe(404);
    expect(await h.rest("POST", "/products/42/unarchive", { admin: true })).toMatchObject({
      status: 400,
      body: { error: "validation_failed" },
    });
    const created = await createProduct();
    await h.rest("DELETE", `/products/${created.id}`, { admin: true });
    expect(await h.rest("POST", `/products/${created.id}/unarchive`)).toMatchObject({
      status: 401,
      body: { error: "unauthorized" },
    });
    expect((await h.rest("GET", `/products/${created.id}`)).status).toBe(404);
  });
});

describe("admin routes", () => {
  const routes: Array<[string, (id: string) => string, unknown]> = [
    ["POST", () => "/products", product()],
    ["PATCH", (id) => `/products/${id}`, { name: "x" }],
    ["PATCH", (id) => `/products/${id}/stock`, { stock_qty: 0 }],
    ["DELETE", (id) => `/products/${id}`, undefined],
    ["GET", () => "/admin/products", undefined],
  ];

  it.each(routes)(
    "%s %s answers 401 without the token, and with a wrong one, changing nothing",
    async (method, path, body) => {
      const created = await createProduct();
      const before = await h.db.product.findMany({ orderBy: { id: "asc" } });
      for (const headers of [
        {} as Record<string, string>,
        { authorization: "Bearer wrong-token-wrong-token" },
        { authorization: "Basic abc" },
      ]) {
        const res = await h.rest(method, path(created.id), { body, headers });
        expect(res.status).toBe(401);
        expect(res.body).toMatchObject({ error: "unauthorized" });
      }
      expect(await h.db.product.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    },
  );

  it("GET /admin/products lists archived products with their times", async () => {
    const created = await createProduct();
    await h.rest("DELETE", `/products/${created.id}`, { admin: true });
    const res = await h.rest("GET", "/admin/products", { admin: true });
    expect(res.status).toBe(200);
    expect(res.body).toContainEqual({
      ...created,
      description: "",
      sku: null,
      images: [],
      archived_at: expect.any(String),
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
  });
});

describe("plumbing", () => {
  it("echoes a caller's x-request-id and makes one when absent", async () => {
    const echoed = await h.rest("GET", "/products", { headers: { "x-request-id": "req-123" } });
    expect(echoed.headers.get("x-request-id")).toBe("req-123");
    const viaTrpc = await h.rest("GET", "/trpc/products.list", { headers: { "x-request-id": "req-456" } });
    expect(viaTrpc.headers.get("x-request-id")).toBe("req-456");
    const made = await h.rest("GET", "/products");
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
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
      expect.arrayContaining(["/products", "/products/{id}", "/products/{id}/stock"]),
    );
    expect(doc.components.schemas).toHaveProperty("Product");
  });

  it("answers unknown routes with a JSON 404", async () => {
    expect(await h.rest("GET", "/nope")).toMatchObject({ status: 404, body: { error: "not_found" } });
  });
});
