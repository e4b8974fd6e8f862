import { describe, expect, it } from "vitest";
import { fakeServices } from "./fake-services.ts";
import { gatewayOver } from "./harness.ts";

const PLACED = { orderId: "00000000-0000-4000-8000-0000000000aa", status: "PENDING", total_cents: 100 };
const ordersOnly = () =>
  fakeServices({
    inventory: { "products.catalog": () => ({ version: "v1", products: [] }) },
    orders: { "orders.place": () => PLACED },
  });
const placeOrder = (alias: string) =>
  `${alias}: placeOrder(input: {items: [{productId: "00000000-0000-4000-8000-000000000001", qty: 1}]}) { __typename }`;

describe("the rate limit counts every mutation field", () => {
  it("50 placeOrder aliases in one request are 50 requests: refused with 429, nothing placed", async () => {
    const services = ordersOnly();
    const { graphql } = gatewayOver(services.fetch, { rateLimitPerMinute: 20 });
    const many = `mutation { ${Array.from({ length: 50 }, (_, i) => placeOrder(`o${i}`)).join(" ")} }`;
    const res = await graphql(many);
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    expect(services.calls.filter((c) => c.path === "orders.place")).toHaveLength(0);
  });

  it("fragments and inline fragments count too", async () => {
    const services = ordersOnly();
    const { graphql } = gatewayOver(services.fetch, { rateLimitPerMinute: 5 });
    const fields = Array.from({ length: 6 }, (_, i) => placeOrder(`o${i}`)).join(" ");
    const res = await graphql(`mutation { ...F } fragment F on Mutation { ... on Mutation { ${fields} } }`);
    expect(res.status).toBe(429);
    expect(services.calls).toHaveLength(0);
  });

  it("a request of a few mutations within the limit runs them all, and spends them", async () => {
    const services = ordersOnly();
    const { graphql } = gatewayOver(services.fetch, { rateLimitPerMinute: 5 });
    const three = `mutation { ${[0, 1, 2].map((i) => placeOrder(`o${i}`)).join(" ")} }`;
    expect((await graphql(three)).status).toBe(200);
    expect(services.calls.filter((c) => c.path === "orders.place")).toHaveLength(3);
    // 3 of 5 spent: another three are one too many.
    expect((await graphql(three)).status).toBe(429);
  });
});

describe("production mode (NODE_ENV=production)", () => {
  const production = () => gatewayOver(ordersOnly().fetch, { production: true });
  const development = () => gatewayOver(ordersOnly().fetch);

  it("refuses introspection; development allows it", async () => {
    const query = "{ __schema { types { name } } }";
    const gateway = production();
    // Twice: the second answer comes from the kept verdict of the same text (document-cache.ts).
    for (let i = 0; i < 2; i++) {
      const prod = await gateway.graphql(query);
      expect(prod.body.data ?? null).toBeNull();
      expect(prod.body.errors?.[0]?.message).toMatch(/introspection/i);
    }
    const dev = await development().graphql(query);
    expect(dev.body.errors).toBeUndefined();
  });

  it("gives no field suggestions", async () => {
    const prod = await production().graphql("{ prodcts { id } }");
    expect(prod.body.errors?.[0]?.message).not.toMatch(/Did you mean/);
    const dev = await development().graphql("{ prodcts { id } }");
    expect(dev.body.errors?.[0]?.message).toMatch(/Did you mean/);
  });

  it("serves no GraphiQL, page or assets", async () => {
    const { app } = production();
    const page = await app.request("/graphql", { headers: { accept: "text/html" } });
    expect(await page.text()).not.toContain("GraphiQL");
    expect((await app.request("/graphiql/graphiql.js")).status).toBe(404);
  });
});

describe("calls to the services", () => {
  it("carry the service credential", async () => {
    const services = ordersOnly();
    await gatewayOver(services.fetch).graphql("{ products { id } }");
    expect(services.calls[0]?.headers.get("x-service-token")).toBe("test-service-token-0123456789");
  });
});
