import { describe, expect, it } from "vitest";
import { FakeServiceError, fakeServices } from "./fake-services.ts";
import { gatewayOver } from "./harness.ts";

const MUG = { id: "00000000-0000-4000-8000-000000000001", name: "Mug", price_cents: 1200, stock_qty: 1 };
const POT = { id: "00000000-0000-4000-8000-000000000002", name: "Teapot", price_cents: 3400, stock_qty: 8 };
const ORDER = {
  id: "00000000-0000-4000-8000-0000000000aa",
  status: "PENDING",
  total_cents: 5800,
  created_at: "2026-11-26T12:00:00.000Z",
  items: [
    { product_id: MUG.id, qty: 2, price_cents: 1200 },
    { product_id: POT.id, qty: 1, price_cents: 3400 },
  ],
};

const byIds = (input: unknown) => {
  const { ids } = input as { ids: string[] };
  return [MUG, POT].filter((p) => ids.includes(p.id));
};

describe("resolvers over faked services", () => {
  it("answers the admin's largest product page, every field it asks for, within the complexity budget", async () => {
    const services = fakeServices({
      inventory: { "products.adminPage": () => ({ items: [], next_cursor: null }) },
    });
    const { body } = await gatewayOver(services.fetch).graphql(
      `query ($limit: Int) { adminProductsPage(limit: $limit) { nextCursor products { id name priceCents
        stockQty description sku images { id url alt width height } archivedAt createdAt updatedAt } } }`,
      { limit: 100 },
      { authorization: "Bearer test-admin-token" },
    );
    expect(body).toEqual({ data: { adminProductsPage: { nextCursor: null, products: [] } } });
  });

  it("answers a page of 100 products with their pictures in every size within the complexity budget", async () => {
    const services = fakeServices({
      inventory: {
        "products.page": () => ({ items: [], cursors: [], next_cursor: null, total_count: 0 }),
      },
    });
    // The web shop's catalog query, at the largest page there is.
    const { body } = await gatewayOver(services.fetch).graphql(
      `query ($first: Int!) { catalog(first: $first) { totalCount
        edges { cursor node { id name priceCents stockQty description sku
          images { id url alt width height variants { url width } } } }
        pageInfo { hasNextPage endCursor } } }`,
      { first: 100 },
    );
    expect(body).toEqual({
      data: { catalog: { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } } },
    });
  });

  it("maps the catalog to camelCase", async () => {
    const services = fakeServices({
      inventory: { "products.catalog": () => ({ version: "v1", products: [MUG, POT] }) },
    });
    const { body } = await gatewayOver(services.fetch).graphql(
      "{ products { id name priceCents stockQty } }",
    );
    expect(body).toEqual({
      data: {
        products: [
          { id: MUG.id, name: "Mug", priceCents: 1200, stockQty: 1 },
          { id: POT.id, name: "Teapot", priceCents: 3400, stockQty: 8 },
        ],
      },
    });
  });

  it("resolves every line's product in one Inventory call (no N+1)", async () => {
    const services = fakeServices({
      orders: { "orders.get": () => ORDER },
      inventory: { "products.byIds": byIds },
    });
    const { body } = await gatewayOver(services.fetch).graphql(
      `query($id: ID!) { order(id: $id) { id status totalCents createdAt items { qty priceCents product { name } } } }`,
      { id: ORDER.id },
    );
    expect(body.data?.order).toEqual({
      id: ORDER.id,
      status: "PENDING",
      totalCents: 5800,
      createdAt: ORDER.created_at,
      items: [
        { qty: 2, priceCents: 1200, product: { name: "Mug" } },
        { qty: 1, priceCents: 3400, product: { name: "Teapot" } },
      ],
    });
    const productCalls = services.calls.filter((c) => c.path === "products.byIds");
    expect(productCalls).toHaveLength(1);
    expect(productCalls[0]?.input).toEqual({ ids: [MUG.id, POT.id] });
  });

  it("answers null for an order or product that does not exist", async () => {
    const missing = () => {
      throw new FakeServiceError("not_found", 404, "Order x not found");
    };
    const services = fakeServices({
      orders: { "orders.get": missing },
      inventory: { "products.get": missing },
    });
    const { body } = await gatewayOver(services.fetch).graphql(
      `{ order(id: "${ORDER.id}") { id } product(id: "${MUG.id}") { id } }`,
    );
    expect(body).toEqual({ data: { order: null, product: null } });
  });

  it("fetches a placed order's lines only when the client asks for them", async () => {
    const placed = { orderId: ORDER.id, status: "PENDING", total_cents: 5800 };
    const services = fakeServices({
      orders: { "orders.place": () => placed, "orders.get": () => ORDER },
      inventory: { "products.byIds": byIds },
    });
    const { graphql } = gatewayOver(services.fetch);
    const place = (selection: string) =>
      graphql(
        `mutation { placeOrder(input: {items: [{productId: "${MUG.id}", qty: 2}]}) { ... on Order { ${selection} } } }`,
      );

    expect((await place("id totalCents")).body.data?.placeOrder).toEqual({ id: ORDER.id, totalCents: 5800 });
    expect(services.calls.map((c) => c.path)).toEqual(["orders.place"]);

    services.calls.length = 0;
    const withLines = await place("id items { qty product { name } }");
    expect(withLines.body.data?.placeOrder).toMatchObject({
      items: [{ qty: 2, product: { name: "Mug" } }, { qty: 1 }],
    });
    expect(services.calls.map((c) => c.path)).toEqual(["orders.place", "orders.get", "products.byIds"]);
  });

  it("passes an empty idempotency key on, to be refused, rather than dropping it", async () => {
    const services = fakeServices({
      orders: {
        "orders.place": (input) => {
          if ((input as { idempotency_key?: string }).idempotency_key === "") {
            throw new FakeServiceError("validation_failed", 400, "Invalid request: idempotency_key", [
              { path: "idempotency_key", message: "the Idempotency-Key header must not be empty" },
            ]);
          }
          return { orderId: ORDER.id, status: "PENDING", total_cents: 1 };
        },
      },
    });
    const { body } = await gatewayOver(services.fetch).graphql(
      `mutation { placeOrder(input: {items: [{productId: "${MUG.id}", qty: 1}], idempotencyKey: ""}) {
         __typename ... on ValidationError { fields { path } } } }`,
    );
    expect(body.data?.placeOrder).toEqual({
      __typename: "ValidationError",
      fields: [{ path: "idempotencyKey" }],
    });
  });

  /** Orders refusing every placement for want of Mugs; Inventory knows the Mug. */
  const mugRefused = (shortfall: { requested: number; available: number }) =>
    fakeServices({
      inventory: { "products.byIds": byIds },
      orders: {
        "orders.place": () => {
          throw new FakeServiceError("insufficient_stock", 409, "Not enough stock", [
            { productId: MUG.id, ...shortfall },
          ]);
        },
      },
    });

  it("answers insufficient stock as a typed error naming the product", async () => {
    const services = mugRefused({ requested: 2, available: 1 });
    const { body } = await gatewayOver(services.fetch).graphql(
      `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) {
         __typename
         ... on InsufficientStockError { message lines { productId productName requested available } }
       } }`,
      { input: { items: [{ productId: MUG.id, qty: 2 }] } },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.placeOrder).toEqual({
      __typename: "InsufficientStockError",
      message: "Not enough stock: Mug (2 requested, 1 left)",
      lines: [{ productId: MUG.id, productName: "Mug", requested: 2, available: 1 }],
    });
  });

  it("names a refused order's products from memory after the first refusal (a flash sale's buyers)", async () => {
    const services = mugRefused({ requested: 1, available: 0 });
    const gateway = gatewayOver(services.fetch);
    const refuse = () =>
      gateway.graphql(
        `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) {
           ... on InsufficientStockError { lines { productName } } } }`,
        { input: { items: [{ productId: MUG.id, qty: 1 }] } },
      );
    for (let buyer = 0; buyer < 3; buyer++) {
      expect((await refuse()).body.data?.placeOrder).toEqual({ lines: [{ productName: "Mug" }] });
    }
    expect(services.calls.filter((c) => c.path === "products.byIds")).toHaveLength(1);
  });

  it("answers validation failures as a typed error with camelCase field paths", async () => {
    const services = fakeServices({
      inventory: {
        "products.create": () => {
          throw new FakeServiceError(
            "validation_failed",
            400,
            "Invalid request body: price_cents: must not be negative",
            [{ path: "price_cents", message: "must not be negative" }],
          );
        },
      },
    });
    const { body } = await gatewayOver(services.fetch).graphql(
      `mutation { createProduct(input: {name: "x", priceCents: -1, stockQty: 1}) {
         __typename ... on ValidationError { fields { path message } } } }`,
    );
    expect(body.data?.createProduct).toEqual({
      __typename: "ValidationError",
      fields: [{ path: "priceCents", message: "must not be negative" }],
    });
  });

  it("passes the request id and the caller's token to every service call", async () => {
    const services = fakeServices({
      inventory: { "products.catalog": () => ({ version: "v1", products: [] }) },
    });
    const { headers } = await gatewayOver(services.fetch).graphql("{ products { id } }", undefined, {
      "x-request-id": "req-123",
      authorization: "Bearer some-admin-token",
    });
    expect(headers.get("x-request-id")).toBe("req-123");
    expect(services.calls[0]?.headers.get("x-request-id")).toBe("req-123");
    expect(services.calls[0]?.headers.get("authorization")).toBe("Bearer some-admin-token");
  });

  it("reports an admin field called without the token as UNAUTHORIZED", async () => {
    const services = fakeServices({
      inventory: {
        "products.adminList": () => {
          throw new FakeServiceError("unauthorized", 401, "This operation needs the admin token");
        },
      },
    });
    const { body } = await gatewayOver(services.fetch).graphql("{ adminProducts { id } }");
    expect(body.data).toEqual({ adminProducts: null });
    expect(body.errors?.[0]).toMatchObject({
      message: "This operation needs the admin token",
      extensions: { code: "UNAUTHORIZED", service: "inventory" },
    });
  });
});

describe("the catalog cache", () => {
  it("asks Inventory every time, but moves the products only when their content changed, the stock levels only when stock did", async () => {
    let version = "v1";
    let stamp = "s1";
    let catalog = [MUG];
    const services = fakeServices({
      inventory: {
        "products.catalog": (input) => {
          const { ifVersion, ifStock } = input as { ifVersion?: string; ifStock?: string };
          const same = ifVersion === version;
          return {
            version,
            stock_stamp: stamp,
            products: same ? null : catalog,
            stock: same && ifStock !== stamp ? catalog.map((p) => p.stock_qty) : null,
          };
        },
      },
    });
    const { graphql } = gatewayOver(services.fetch);
    const query = "{ products { name stockQty } }";
    expect((await graphql(query)).body.data).toEqual({ products: [{ name: "Mug", stockQty: 1 }] });
    expect((await graphql(query)).body.data).toEqual({ products: [{ name: "Mug", stockQty: 1 }] });
    expect(services.calls.map((c) => c.input)).toEqual([{}, { ifVersion: "v1", ifStock: "s1" }]);

    // An order: only the stock stamp moves, and only the stock levels come back.
    stamp = "s2";
    catalog = [{ ...MUG, stock_qty: 0 }];
    expect((await graphql(query)).body.data).toEqual({ products: [{ name: "Mug", stockQty: 0 }] });
    expect(services.calls.at(-1)?.input).toEqual({ ifVersion: "v1", ifStock: "s1" });

    // A content change: the catalog comes back whole.
    version = "v2";
    catalog = [{ ...MUG, name: "Big Mug", stock_qty: 0 }];
    expect((await graphql(query)).body.data).toEqual({ products: [{ name: "Big Mug", stockQty: 0 }] });
  });

  it("asks Inventory once per request, however many fields read the catalog", async () => {
    const services = fakeServices({
      inventory: { "products.catalog": () => ({ version: "v1", stock_stamp: "s1", products: [MUG] }) },
    });
    const { graphql } = gatewayOver(services.fetch);
    // Two copies of the catalog (aliases): not a cached catalog-only answer, so both fields resolve.
    const { body } = await graphql("{ a: products { id } b: products { name } }");
    expect(body.data).toEqual({ a: [{ id: MUG.id }], b: [{ name: "Mug" }] });
    expect(services.calls.filter((c) => c.path === "products.catalog")).toHaveLength(1);
  });

  it("sends a cached answer byte for byte, with the media type the client asked for", async () => {
    const services = fakeServices({
      inventory: { "products.catalog": () => ({ version: "v1", products: [MUG, POT] }) },
    });
    const { app } = gatewayOver(services.fetch);
    const ask = async (accept: string) => {
      const res = await app.request("/graphql?query=" + encodeURIComponent("{ products { id name } }"), {
        headers: { accept },
      });
      return { type: res.headers.get("content-type"), text: await res.text(), status: res.status };
    };
    const first = await ask("application/graphql-response+json");
    const hit = await ask("application/graphql-response+json");
    const plain = await ask("application/json");
    expect(hit).toEqual(first);
    expect(hit.type).toMatch(/^application\/graphql-response\+json/);
    expect(plain).toMatchObject({
      status: 200,
      text: first.text,
      type: expect.stringMatching(/^application\/json/),
    });
  });

  it("caches whole answers only for catalog-only queries, per query text", async () => {
    const services = fakeServices({
      inventory: { "products.catalog": () => ({ version: "v1", products: [MUG] }) },
      orders: { "orders.get": () => ORDER },
    });
    const { graphql } = gatewayOver(services.fetch);
    const a = await graphql("{ products { id } }");
    const b = await graphql("{ products { id name } }");
    expect(a.body.data).toEqual({ products: [{ id: MUG.id }] });
    expect(b.body.data).toEqual({ products: [{ id: MUG.id, name: "Mug" }] });
    const mixed = await graphql(`{ products { id } order(id: "${ORDER.id}") { id } }`);
    expect(mixed.body.data).toEqual({ products: [{ id: MUG.id }], order: { id: ORDER.id } });
  });
});

describe("the catalog watch", () => {
  it("answers from memory while Inventory's long poll says nothing changed, and follows a change", async () => {
    let version = "v1";
    let catalog = [MUG];
    let announce: () => void = () => undefined;
    const services = fakeServices({
      inventory: {
        "products.catalog": (input) => {
          const { ifVersion } = input as { ifVersion?: string };
          return { version, stock_stamp: "s", products: ifVersion === version ? null : catalog, stock: null };
        },
        "products.changeStock": () => ({ ...MUG, stock_qty: 5 }),
        "products.catalogChanges": async (input) => {
          const { since } = input as { since: string };
          if (since === `${version}:s`) await new Promise<void>((resolve) => (announce = resolve));
          return { version: `${version}:s` };
        },
      },
    });
    const { app, graphql } = gatewayOver(services.fetch, { watchCatalog: true });
    const catalogCalls = () => services.calls.filter((c) => c.path === "products.catalog").length;
    const query = "{ products { name stockQty } }";
    try {
      await expect
        .poll(() => services.calls.filter((c) => c.path === "products.catalogChanges").length)
        .toBe(2);
      await graphql(query);
      const before = catalogCalls();
      for (let i = 0; i < 3; i++) {
        expect((await graphql(query)).body.data).toEqual({ products: [{ name: "Mug", stockQty: 1 }] });
      }
      expect(catalogCalls()).toBe(before); // not one question to Inventory

      // A write that leaves the catalog as it was: one read asks Inventory,
      // which still says the version the open poll waits on, and the reads
      // after it are answered from memory again (not until the catalog moves).
      await graphql(`mutation { setStock(id: "${MUG.id}", stockQty: 1) { __typename } }`);
      await graphql(query);
      expect(catalogCalls()).toBe(before + 1);
      for (let i = 0; i < 3; i++) await graphql(query);
      expect(catalogCalls()).toBe(before + 1);

      // A write through the gateway: the next read asks Inventory, before any announcement.
      version = "v1b";
      catalog = [{ ...MUG, stock_qty: 5 }];
      await graphql(`mutation { setStock(id: "${MUG.id}", stockQty: 5) { __typename } }`);
      expect((await graphql(query)).body.data).toEqual({ products: [{ name: "Mug", stockQty: 5 }] });
      expect(catalogCalls()).toBe(before + 2);

      version = "v2";
      catalog = [{ ...MUG, stock_qty: 0 }];
      announce();
      await expect
        .poll(async () => (await graphql(query)).body.data)
        .toEqual({ products: [{ name: "Mug", stockQty: 0 }] });
    } finally {
      await app.close();
      announce();
    }
  });
});

describe("the catalog watch under orders", () => {
  it("rests after a change until the catalog is read again, and never vouches while it rests", async () => {
    // Every poll finds the catalog moved, as under a stream of orders.
    let version = 1;
    const services = fakeServices({
      inventory: {
        "products.catalog": () => ({
          version: `v${version}`,
          stock_stamp: "s",
          products: [MUG],
          stock: null,
        }),
        "products.catalogChanges": () => ({ version: `v${++version}:s` }),
      },
    });
    const { app, graphql } = gatewayOver(services.fetch, { watchCatalog: true });
    const polls = () => services.calls.filter((c) => c.path === "products.catalogChanges").length;
    const catalogCalls = () => services.calls.filter((c) => c.path === "products.catalog").length;
    try {
      // The first poll learns the version, the second finds it moved: then the watch rests.
      await expect.poll(polls).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(polls()).toBe(2);

      // A read while it rests asks Inventory (nothing is vouched for) and wakes the watch, once.
      const before = catalogCalls();
      expect((await graphql("{ products { name } }")).body.data).toEqual({ products: [{ name: "Mug" }] });
      expect(catalogCalls()).toBe(before + 1);
      await expect.poll(polls).toBe(3);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(polls()).toBe(3);
      // The catalog moved again (the third poll said so): the next read asks Inventory again.
      await graphql("{ products { name } }");
      expect(catalogCalls()).toBe(before + 2);
    } finally {
      await app.close();
    }
  });
});

describe("a service that is down or slow", () => {
  it("gives that field an error and still resolves the others", async () => {
    const services = fakeServices(
      { orders: { "orders.get": () => ORDER }, inventory: { "products.byIds": byIds } },
      { down: ["inventory"] },
    );
    const { body } = await gatewayOver(services.fetch).graphql(
      `{ products { id } order(id: "${ORDER.id}") { id totalCents } }`,
    );
    expect(body.data).toEqual({ products: null, order: { id: ORDER.id, totalCents: 5800 } });
    expect(body.errors?.[0]).toMatchObject({
      path: ["products"],
      extensions: { code: "SERVICE_UNAVAILABLE", service: "inventory" },
    });
  });

  it("answers within the timeout when a service hangs", async () => {
    const services = fakeServices({}, { hang: ["inventory"] });
    const started = performance.now();
    const { body } = await gatewayOver(services.fetch, { serviceTimeoutMs: 300 }).graphql(
      "{ products { id } }",
    );
    const elapsed = performance.now() - started;
    expect(body.errors?.[0]?.message).toBe("The inventory service did not answer within 300 ms.");
    expect(elapsed).toBeLessThan(3_000);
  });
});
