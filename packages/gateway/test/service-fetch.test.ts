/**
 * The gateway's way to the services (service-fetch.ts) over a real socket:
 * what tRPC's links read of an answer, and the per-call timeout, which must
 * hold while the headers are awaited and while the body is read.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createLogger } from "@shop/service";
import { TEST_SERVICE_TOKEN } from "@shop/service/testing";
import { fetchWithTimeout } from "@shop/sdk/link-options";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGatewayApp } from "../src/app.ts";
import { requestService } from "../src/services/service-fetch.ts";

let server: Server;
let base: string;
const seen: Array<{ method: string; headers: IncomingMessage["headers"]; body: string }> = [];
const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  "/json": (_req, res) => {
    res.writeHead(200, { "content-type": "application/json", "x-answer": "yes" });
    res.end(JSON.stringify({ result: { data: "Crème pot" } }));
  },
  "/failed": (_req, res) => {
    res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { message: "broken" } }));
  },
  // Headers, then a body that never ends.
  "/stalls": (_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.write('{"result":');
  },
  // Nothing at all.
  "/hangs": () => undefined,
};

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      seen.push({ method: req.method ?? "", headers: req.headers, body });
      const route = Object.keys(routes).find((path) => req.url?.startsWith(path));
      (route ? routes[route]! : routes["/hangs"]!)(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const call = (timeoutMs: number) =>
  fetchWithTimeout(timeoutMs, (url, init) => requestService("orders", url, init));

describe("requestService", () => {
  it("answers status, headers and the JSON body, and sends the method, headers and body given", async () => {
    const res = await call(2_000)(`${base}/json`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "r-1" },
      body: '{"0":{"by":1}}',
    });
    expect([res.status, res.ok, res.headers.get("x-answer")]).toEqual([200, true, "yes"]);
    expect(await res.json()).toEqual({ result: { data: "Crème pot" } });
    expect(seen.at(-1)).toMatchObject({
      method: "POST",
      headers: { "x-request-id": "r-1" },
      body: '{"0":{"by":1}}',
    });
  });

  it("answers a service's error status with its body", async () => {
    const res = await call(2_000)(`${base}/failed`, { method: "GET" });
    expect([res.status, res.ok]).toEqual([500, false]);
    expect(await res.json()).toEqual({ error: { message: "broken" } });
  });

  it("gives up within the timeout when the service sends no answer", async () => {
    const started = performance.now();
    await expect(call(200)(`${base}/hangs`, { method: "GET" })).rejects.toMatchObject({
      name: "TimeoutError",
    });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("gives up within the timeout when the body stalls after the headers", async () => {
    const started = performance.now();
    const res = await call(200)(`${base}/stalls`, { method: "GET" });
    await expect(res.json()).rejects.toMatchObject({ name: "TimeoutError" });
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe("the gateway over requestService", () => {
  it("tells a hung service apart, within its timeout", async () => {
    const app = createGatewayApp({
      log: createLogger("gateway", "silent"),
      serviceUrls: { inventory: `${base}/hangs`, orders: `${base}/hangs`, payments: `${base}/hangs` },
      serviceTimeoutMs: 300,
      corsOrigins: [],
      rateLimitPerMinute: 0,
      serviceToken: TEST_SERVICE_TOKEN,
    });
    const res = await app.request("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: '{ order(id: "00000000-0000-4000-8000-000000000001") { id } }' }),
    });
    const body = (await res.json()) as { errors?: Array<{ message: string }> };
    expect(body.errors?.[0]?.message).toBe("The orders service did not answer within 300 ms.");
  });
});
