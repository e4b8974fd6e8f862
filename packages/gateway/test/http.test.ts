import { serverAudits } from "graphql-http";
import { describe, expect, it } from "vitest";
import { QUERY_LIMITS } from "../src/schema/builder.ts";
import { fakeServices } from "./fake-services.ts";
import { gatewayOver } from "./harness.ts";

const catalog = () =>
  fakeServices({ inventory: { "products.catalog": () => ({ version: "v1", products: [] }) } });

describe("GraphQL over HTTP", () => {
  const { app } = gatewayOver(catalog().fetch);

  // graphql-http's own audit of the GraphQL-over-HTTP spec: every MUST holds.
  for (const audit of serverAudits({
    url: "http://gateway.test/graphql",
    fetchFn: (input: Request | URL | string, init?: RequestInit) =>
      app.request(input instanceof Request ? input : String(input), init),
  })) {
    it(audit.name, async () => {
      const result = await audit.fn();
      if (audit.name.startsWith("MUST")) {
        expect(result.status, result.status === "ok" ? "" : result.reason).toBe("ok");
      }
    });
  }

  it("serves GraphiQL to a browser", async () => {
    const page = await app.request("/graphql", { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("GraphiQL");
    const script = await app.request("/graphiql/graphiql.js");
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/javascript/);
  });
});

describe("protection", () => {
  it("refuses an over-wide query before calling any service", async () => {
    // Aliases multiply work without a deeper query: 150 copies of the catalog.
    const wide = `{ ${Array.from({ length: 150 }, (_, i) => `p${i}: products { id name }`).join(" ")} }`;
    const services = catalog();
    const { body } = await gatewayOver(services.fetch).graphql(wide);
    expect(Object.values(body.data ?? {}).every((v) => v === null)).toBe(true);
    expect(body.errors?.[0]?.message).toMatch(/exceeds maximum breadth/);
    expect(services.calls).toHaveLength(0);
  });

  it(`allows the deepest real query (the orders index with products), within depth ${QUERY_LIMITS.depth}`, async () => {
    const services = fakeServices({ orders: { "orders.list": () => ({ orders: [], next_cursor: null }) } });
    const { body } = await gatewayOver(services.fetch).graphql(
      "{ orders(limit: 5) { nextCursor orders { id items { qty product { name } } } } }",
    );
    expect(body).toEqual({ data: { orders: { nextCursor: null, orders: [] } } });
  });

  it("refuses a body over 64 KiB with 413", async () => {
    const { app } = gatewayOver(catalog().fetch);
    const res = await app.request("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ products { id } }${" ".repeat(70 * 1024)}` }),
    });
    expect(res.status).toBe(413);
  });

  it("rate-limits a client: 429 with Retry-After once over the limit", async () => {
    const { graphql } = gatewayOver(catalog().fetch, { rateLimitPerMinute: 3 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await graphql("{ products { id } }")).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await graphql("{ products { id } }");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
  });

  it("allows CORS for the shop's origins only", async () => {
    const { app } = gatewayOver(catalog().fetch);
    const preflight = (origin: string) =>
      app.request("/graphql", {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST" },
      });
    expect((await preflight("http://localhost:5173")).headers.get("access-control-allow-origin")).toBe(
      "http://localhost:5173",
    );
    expect((await preflight("https://evil.example")).headers.get("access-control-allow-origin")).toBeNull();
  });
});
