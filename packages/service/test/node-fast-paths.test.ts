/**
 * What createServiceApp does differently under Node (security-headers.ts,
 * request-body.ts) must answer exactly what Hono's standard way answers:
 * checked over a real socket against app.request(), which takes the
 * standard way.
 */
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createServiceApp } from "../src/http/create-service-app.ts";
import { mountTrpc, requestScope } from "../src/http/mount-trpc.ts";
import { createLogger } from "../src/logger.ts";
import { startService, type RunningService } from "../src/serve.ts";
import { postChunked } from "../src/testing/index.ts";
import { createServiceTrpc } from "../src/trpc.ts";

const log = createLogger("test", "silent");
const app = createServiceApp({ name: "test", log, isReady: () => Promise.resolve(true) });
app.post("/json", async (c) => c.json({ got: (await c.req.json()) as unknown }));
// What became of each body read here: a body cut short must fail its read, not hang it.
const reads: string[] = [];
app.post("/json-watched", async (c) => {
  try {
    reads.push(`read ${JSON.stringify(await c.req.json())}`);
  } catch {
    reads.push("failed");
  }
  return c.json({ ok: true });
});
app.post("/text", async (c) => c.json({ got: await c.req.text() }));
// The entry that reads each request's body, seen from its route.
const bodyReaders: (PropertyDescriptor | undefined)[] = [];
app.post("/json-reader", async (c) => {
  bodyReaders.push(Object.getOwnPropertyDescriptor(c.req.bodyCache, "text"));
  return c.json({ got: (await c.req.json()) as unknown });
});
app.post("/upload", async (c) => {
  const file = (await c.req.parseBody()).file;
  if (!(file instanceof File)) return c.json({ error: "no file" }, 400);
  return c.json({ bytes: [...new Uint8Array(await file.arrayBuffer())] });
});
app.get("/picture", (c) => {
  c.header("Cross-Origin-Resource-Policy", "cross-origin");
  return c.json({ ok: true });
});

// A long poll, as Inventory's catalogChanges: it ends when its caller goes away.
const { router, publicProcedure } = createServiceTrpc();
const waits: string[] = [];
mountTrpc(
  app,
  router({
    wait: publicProcedure.query(
      ({ signal }) =>
        new Promise<string>((resolve) => {
          waits.push("waiting");
          signal?.addEventListener("abort", () => {
            waits.push("aborted");
            resolve("aborted");
          });
          setTimeout(() => resolve("waited"), 5_000).unref();
        }),
    ),
    ping: publicProcedure.query(() => "pong"),
  }),
  requestScope,
);

let service: RunningService;
let base: string;
beforeAll(async () => {
  service = await startService(app, { name: "test", port: 0, log });
  base = `http://127.0.0.1:${service.port}`;
});
afterAll(() => service.close());

const headersOf = (res: Response) =>
  Object.fromEntries([...res.headers].filter(([name]) => !["date", "x-request-id"].includes(name)));

describe("security headers under Node", () => {
  it("are the ones Hono's secureHeaders sets", async () => {
    const standard = headersOf(await app.request("/healthz"));
    const overNode = headersOf(await fetch(`${base}/healthz`));
    expect(standard["x-content-type-options"]).toBe("nosniff");
    for (const [name, value] of Object.entries(standard))
      expect([name, overNode[name]]).toEqual([name, value]);
  });

  it("leave a route's own header as the route set it", async () => {
    expect((await app.request("/picture")).headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    const res = await fetch(`${base}/picture`);
    expect(res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  });
});

describe("request bodies under Node", () => {
  const document = { name: "Crème pot ☕", qty: 2 };

  it("read a JSON body of declared length, as the standard way does", async () => {
    const res = await fetch(`${base}/json`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(document),
    });
    expect(await res.json()).toEqual({ got: document });
  });

  it("read each body with one function, not one made per request", async () => {
    // A getter made per request gave each request's body cache a hidden class
    // of its own, which V8 keeps in the old generation: every request's objects
    // then outlived the young generation's collections (4-6 ms each, not 0.5).
    bodyReaders.length = 0;
    for (const n of [1, 2]) {
      const res = await fetch(`${base}/json-reader`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ n }),
      });
      expect(await res.json()).toEqual({ got: { n } });
    }
    expect(bodyReaders).toHaveLength(2);
    expect(bodyReaders[0]).toMatchObject({ get: expect.any(Function) });
    // The same getter function (toStrictEqual compares functions by identity).
    expect(bodyReaders[1]).toStrictEqual(bodyReaders[0]);
  });

  it("read a JSON body of declared length that arrives in pieces", async () => {
    reads.length = 0;
    const text = JSON.stringify(document);
    const bytes = Buffer.from(text);
    const socket = connect(service.port, "127.0.0.1");
    const answered = new Promise<string>((resolve) => {
      let got = "";
      socket.on("data", (chunk) => (got += String(chunk)));
      socket.on("close", () => resolve(got));
    });
    socket.write(
      `POST /json HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${bytes.length}\r\nConnection: close\r\n\r\n`,
    );
    socket.write(bytes.subarray(0, 7));
    await new Promise((r) => setTimeout(r, 30));
    socket.end(bytes.subarray(7));
    const answer = await answered;
    expect(answer.split("\r\n")[0]).toBe("HTTP/1.1 200 OK");
    expect(JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4))).toEqual({ got: document });
  });

  it("fail the read of a body the client stops sending, and keep serving", async () => {
    reads.length = 0;
    const socket = connect(service.port, "127.0.0.1");
    await new Promise((r) => socket.once("connect", r));
    socket.write(
      "POST /json-watched HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n",
    );
    socket.write('{"name":');
    await new Promise((r) => setTimeout(r, 30));
    socket.destroy();
    await expect.poll(() => reads, { timeout: 2_000 }).toEqual(["failed"]);
    const res = await fetch(`${base}/json-watched`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "[1]",
    });
    expect(res.status).toBe(200);
    expect(reads).toEqual(["failed", "read [1]"]);
  });

  it("read a chunked JSON body", async () => {
    const text = JSON.stringify(document);
    const res = await postChunked(`${base}/json`, [text.slice(0, 5), text.slice(5)]);
    expect(JSON.parse(res.body)).toEqual({ got: document });
  });

  it("answer a broken JSON body with the same 400 as the standard way", async () => {
    const init = { method: "POST", headers: { "content-type": "application/json" }, body: "{" };
    const standard = await app.request("/json", init);
    const overNode = await fetch(`${base}/json`, init);
    expect(overNode.status).toBe(standard.status);
    expect(await overNode.json()).toEqual(await standard.json());
  });

  it("leave other bodies to the standard way: text, and a binary upload byte for byte", async () => {
    const res = await fetch(`${base}/text`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "hé",
    });
    expect(await res.json()).toEqual({ got: "hé" });
    const bytes = [0, 255, 128, 10, 13, 0xc3];
    const form = new FormData();
    form.append("file", new File([new Uint8Array(bytes)], "x.bin"));
    const upload = await fetch(`${base}/upload`, { method: "POST", body: form });
    expect(await upload.json()).toEqual({ bytes });
  });
});

describe("a tRPC call under Node", () => {
  it("sees its signal abort when the caller goes away, and not before", async () => {
    const caller = new AbortController();
    const call = fetch(`${base}/trpc/wait`, { signal: caller.signal }).catch(() => "gone");
    await expect.poll(() => waits).toEqual(["waiting"]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(waits).toEqual(["waiting"]);
    caller.abort();
    await call;
    await expect.poll(() => waits, { timeout: 2_000 }).toEqual(["waiting", "aborted"]);
  });

  // tRPC's server combines the request's signal with its own per call. With
  // AbortSignal.any, Node ties the combined signal to its sources through
  // WeakRefs and a FinalizationRegistry, which V8's young collections hold as
  // strong: every call's objects outlived them (patches/README.md).
  it("combines its signals with listeners, not AbortSignal.any", async () => {
    const any = vi.spyOn(AbortSignal, "any");
    try {
      const res = await fetch(`${base}/trpc/ping`);
      expect(await res.json()).toEqual({ result: { data: "pong" } });
      expect(any).not.toHaveBeenCalled();
    } finally {
      any.mockRestore();
    }
  });
});
