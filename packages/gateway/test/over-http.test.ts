import { createLogger, startService, type RunningService } from "@shop/service";
import { postChunked } from "@shop/service/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeServices } from "./fake-services.ts";
import { gatewayOver } from "./harness.ts";

/**
 * The gateway behind a real HTTP server (@hono/node-server), as it runs:
 * bodies are read from Node's request when their length is declared
 * (@shop/service request-body.ts), and cached catalog answers go out as stored bytes.
 */
const PRODUCTS = [
  { id: "00000000-0000-4000-8000-000000000001", name: "Crème pot", price_cents: 1200, stock_qty: 3 },
  { id: "00000000-0000-4000-8000-000000000002", name: "Mug", price_cents: 800, stock_qty: 0 },
];
const services = fakeServices({
  inventory: { "products.catalog": () => ({ version: "v1", stock_stamp: "s1", products: PRODUCTS }) },
});
let running: RunningService;
let base: string;

beforeAll(async () => {
  const { app } = gatewayOver(services.fetch);
  running = await startService(app, { name: "gateway", port: 0, log: createLogger("gateway", "silent") });
  base = `http://127.0.0.1:${running.port}`;
});
afterAll(() => running.close());

describe("the gateway over HTTP", () => {
  const query = JSON.stringify({ query: "{ products { id name priceCents stockQty } }" });
  const expected = {
    data: {
      products: PRODUCTS.map((p) => ({
        id: p.id,
        name: p.name,
        priceCents: p.price_cents,
        stockQty: p.stock_qty,
      })),
    },
  };

  it("answers a query with a declared length, then the same answer again from the cache, byte for byte", async () => {
    const ask = () =>
      fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: query,
      });
    const first = await ask();
    expect(first.status).toBe(200);
    const firstText = await first.text();
    expect(JSON.parse(firstText)).toEqual(expected);
    const second = await ask();
    expect(second.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const secondText = await second.text();
    // Non-ASCII names survive the stored bytes.
    expect(secondText).toBe(firstText);
    expect(secondText).toContain("Crème pot");
  });

  it("reads a chunked body (no declared length) the standard way", async () => {
    const half = Math.floor(query.length / 2);
    const res = await postChunked(`${base}/graphql`, [query.slice(0, half), query.slice(half)]);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual(expected);
  });

  it("refuses a declared body over the limit before reading it, and a chunked one while reading it", async () => {
    const big = JSON.stringify({ query: `{ products { id } } #${"x".repeat(70 * 1024)}` });
    const declared = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: big,
    });
    expect(declared.status).toBe(413);
    const chunked = await postChunked(`${base}/graphql`, [big.slice(0, 40_000), big.slice(40_000)]);
    expect(chunked.status).toBe(413);
  });
});
