import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DEFAULT_PORTS } from "@shop/contracts";
import { afterAll, describe, expect, it } from "vitest";
import {
  createShopClient,
  DEFAULT_SERVICE_PORTS,
  defaultServiceUrls,
  ShopClientError,
} from "../src/index.ts";
import { rejectionOf } from "./harness.ts";

/** A real HTTP server on a free loopback port; `handle` decides what it does with each request. */
async function listen(handle: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve).closeAllConnections())));
});

describe("when a service does not answer", () => {
  it("gives up after timeoutMs with service_unavailable, timedOut", async () => {
    // Accepts the request and never answers, like a service stuck on a lock.
    const stalled = await listen(() => undefined);
    servers.push(stalled.server);
    const sdk = createShopClient({ inventoryUrl: stalled.url, timeoutMs: 200 });

    const started = performance.now();
    const err = await rejectionOf(sdk.inventory.products.list.query());
    const elapsed = performance.now() - started;

    expect(err).toBeInstanceOf(ShopClientError);
    expect(err).toMatchObject({
      code: "service_unavailable",
      status: 503,
      timedOut: true,
      service: "inventory",
      procedure: "products.list",
      message: "The inventory service did not answer products.list within 200 ms.",
    });
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(2_000);
  });

  it("names the URL it could not reach", async () => {
    // A port that was just free: nothing listens there now.
    const gone = await listen(() => undefined);
    await new Promise((resolve) => gone.server.close(resolve));
    const sdk = createShopClient({ ordersUrl: gone.url });

    const err = await rejectionOf(
      sdk.orders.orders.get.query({ id: "00000000-0000-4000-8000-000000000000" }),
    );
    expect(err).toMatchObject({
      code: "service_unavailable",
      status: 503,
      timedOut: false,
      service: "orders",
      message: `Could not reach the orders service at ${gone.url} to call orders.get.`,
    });
  });

  it("tells a non-Shop answer (a proxy's 502 page) from the service's own errors", async () => {
    const proxy = await listen((_req, res) =>
      res.writeHead(502, { "content-type": "text/html" }).end("<h1>502</h1>"),
    );
    servers.push(proxy.server);
    const err = await rejectionOf(
      createShopClient({ paymentsUrl: proxy.url }).payments.charges.get.query({ id: "x" }),
    );
    expect(err).toMatchObject({ code: "service_unavailable", status: 503, timedOut: false });
    expect((err as Error).message).toBe(
      `The payments service at ${proxy.url} answered charges.get with 502 text/html instead of JSON: a proxy's error page, or the wrong URL.`,
    );
  });
});

describe("configuration", () => {
  it("defaults to SHOP_<SERVICE>_URL, else the service's port on 127.0.0.1", () => {
    expect(defaultServiceUrls({})).toEqual({
      inventory: "http://127.0.0.1:4001",
      orders: "http://127.0.0.1:4002",
      payments: "http://127.0.0.1:4003",
    });
    expect(
      defaultServiceUrls({ SHOP_INVENTORY_URL: "https://inventory.internal", ORDERS_PORT: "5002" }),
    ).toEqual({
      inventory: "https://inventory.internal",
      orders: "http://127.0.0.1:5002",
      payments: "http://127.0.0.1:4003",
    });
  });

  it("uses the same standard ports as the services", () => {
    expect(DEFAULT_SERVICE_PORTS).toEqual({
      inventory: DEFAULT_PORTS.inventory,
      orders: DEFAULT_PORTS.orders,
      payments: DEFAULT_PORTS.payments,
    });
  });

  it("refuses a malformed URL or timeout when the client is made, not on the first call", () => {
    expect(() => createShopClient({ inventoryUrl: "localhost:4001" })).toThrow(
      'The inventory URL must be an http(s) URL, got "localhost:4001"',
    );
    expect(() => createShopClient({ timeoutMs: 0 })).toThrow(/timeoutMs must be a positive number/);
  });
});
