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

  it("behind TRUST_PROXY hops, counts the client our proxy saw, not the left-most entries a client can forge", async () => {
    const { graphql } = gatewayOver(catalog().fetch, { rateLimitPerMinute: 2, trustedProxyHops: 1 });
    const as = (xff: string) => graphql("{ products { id } }", undefined, { "x-forwarded-for": xff });
    // One client rotating forged left-most entries: still one client (203.0.113.7).
    const forged = [];
    for (const fake of ["1.1.1.1", "2.2.2.2", "3.3.3.3"])
      forged.push((await as(`${fake}, 203.0.113.7`)).status);
    expect(forged).toEqual([200, 200, 429]);
    // Another client behind the same proxy has its own allowance.
    expect((await as("198.51.100.9")).status).toBe(200);
  });

  it("is ready whatever the services behind it do (a service outage is a GraphQL error, not a gateway outage)", async () => {
    const { app } = gatewayOver(() => Promise.reject(new TypeError("fetch failed: connection refused")));
    const res = await app.request("/readyz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ready" });
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

    // The request itself: the origin echoed with credentials, the id and Retry-After readable, Vary set.
    const query = (origin: string) =>
      app.request("/graphql", {
        method: "POST",
        headers: { origin, "content-type": "application/json" },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
    const allowed = await query("http://localhost:5173");
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(allowed.headers.get("access-control-allow-credentials")).toBe("true");
    expect(allowed.headers.get("access-control-expose-headers")).toBe("x-request-id,retry-after");
    expect(allowed.headers.get("vary")).toMatch(/Origin/);
    const stranger = await query("https://evil.example");
    expect(stranger.headers.get("access-control-allow-origin")).toBeNull();
    expect(stranger.headers.get("access-control-allow-credentials")).toBeNull();
  });
});
