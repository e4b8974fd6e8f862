/**
 * The holes a black-box test found in every service's HTTP layer, each as it
 * was found: over a real socket, with a keep-alive client (undici's Agent)
 * where connection reuse is the point.
 */
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent, request } from "undici";
import { z } from "zod";
import { createServiceApp } from "../src/http/create-service-app.ts";
import { mountTrpc, MAX_TRPC_BATCH, requestScope } from "../src/http/mount-trpc.ts";
import { createLogger } from "../src/logger.ts";
import { startService, type RunningService } from "../src/serve.ts";
import { createServiceTrpc } from "../src/trpc.ts";

const log = createLogger("test", "silent");
const { router, publicProcedure } = createServiceTrpc();
let calls = 0;
const testRouter = router({
  bump: publicProcedure.input(z.object({ by: z.number().int() })).mutation(({ input }) => {
    calls += input.by;
    return { calls };
  }),
});

let service: RunningService;
let base: string;
beforeAll(async () => {
  const app = createServiceApp({ name: "test", log, isReady: () => Promise.resolve(true) });
  app.post("/echo", async (c) => c.json({ length: (await c.req.text()).length }));
  mountTrpc(app, testRouter, requestScope);
  service = await startService(app, { name: "test", port: 0, log });
  base = `http://127.0.0.1:${service.port}`;
});
afterAll(() => service.close());

const batchPath = (n: number) => `/trpc/${Array.from({ length: n }, () => "bump").join(",")}?batch=1`;
const batchBody = (n: number) =>
  JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { by: 1 }])));

describe("a tRPC batch", () => {
  it(`of more than ${MAX_TRPC_BATCH} calls is refused as a whole, and none of them runs`, async () => {
    const before = calls;
    const n = 500;
    const res = await fetch(base + batchPath(n), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: batchBody(n),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({
      error: "batch_too_large",
      message: expect.stringMatching(/10/),
    });
    expect(calls).toBe(before);
  });

  it(`of ${MAX_TRPC_BATCH} calls runs every call`, async () => {
    const before = calls;
    const res = await fetch(base + batchPath(MAX_TRPC_BATCH), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: batchBody(MAX_TRPC_BATCH),
    });
    expect(res.status).toBe(200);
    expect(calls).toBe(before + MAX_TRPC_BATCH);
  });
});

describe("a body over the size limit", () => {
  it("answers 413 and closes, so the next request on the same keep-alive client works", async () => {
    // One connection, kept alive: the second request reuses it unless the server said close.
    const agent = new Agent({ connections: 1, keepAliveTimeout: 10_000 });
    try {
      const big = JSON.stringify({ filler: "x".repeat(300_000) });
      const first = await request(`${base}/echo`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: big,
        dispatcher: agent,
      });
      expect(first.statusCode).toBe(413);
      expect(first.headers.connection).toBe("close");
      expect(await first.body.json()).toMatchObject({ error: "payload_too_large" });

      const second = await request(`${base}/echo`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
        dispatcher: agent,
      });
      expect(second.statusCode).toBe(200);
      expect(await second.body.json()).toEqual({ length: 2 });
    } finally {
      await agent.close();
    }
  });

  it("the same when the body is streamed without a Content-Length", async () => {
    const agent = new Agent({ connections: 1, keepAliveTimeout: 10_000 });
    try {
      const chunks = Readable.from(
        (function* () {
          for (let i = 0; i < 10; i++) yield Buffer.alloc(30_000, 120);
        })(),
      );
      const first = await request(`${base}/echo`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: chunks,
        dispatcher: agent,
      });
      expect(first.statusCode).toBe(413);
      await first.body.dump();
      const second = await request(`${base}/healthz`, { dispatcher: agent });
      expect(second.statusCode).toBe(200);
      await second.body.dump();
    } finally {
      await agent.close();
    }
  });
});

describe("tRPC's protocol errors", () => {
  it("a body that is not JSON answers 415 unsupported_media_type as JSON", async () => {
    const res = await fetch(`${base}/trpc/bump`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "by=1",
    });
    expect(res.status).toBe(415);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({ error: "unsupported_media_type", message: expect.any(String) });
  });

  it.each(["OPTIONS", "PUT", "DELETE", "PATCH"])(
    "%s answers 405 method_not_allowed as JSON",
    async (method) => {
      const res = await fetch(`${base}/trpc/bump`, { method });
      expect(res.status).toBe(405);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await res.json()).toMatchObject({ error: "method_not_allowed", message: expect.any(String) });
    },
  );
});

describe("listening", () => {
  it("on 127.0.0.1 unless told otherwise", () => {
    const address = service.server.address();
    expect(typeof address === "object" && address?.address).toBe("127.0.0.1");
  });
});
