import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { createLogger } from "@shop/service";
import { SMTPServer, type SMTPServerDataStream } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createMailTransport } from "../src/outbox/transport.ts";
import { createOutboxWorker } from "../src/outbox/worker.ts";
import { useOrders } from "./harness.ts";

/**
 * The outbox against a real SMTP server (smtp-server, in this process):
 * sent once, retried with backoff while the server refuses, nothing lost
 * when the sending process is killed mid-send, and .eml files without SMTP.
 */
const h = useOrders();
const log = createLogger("outbox", "silent");

interface Received {
  to: string;
  raw: string;
}

/** What the server does with the next message: accept, refuse (451), or never answer. */
type Mode = "accept" | "refuse" | "stall";

let mode: Mode = "accept";
const received: Received[] = [];
let onStalled: (() => void) | undefined;
let server: SMTPServer;
let smtpUrl: string;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (mode === "refuse") {
          callback(Object.assign(new Error("Mailbox busy, try later"), { responseCode: 451 }));
        } else if (mode === "stall") {
          onStalled?.(); // never answer: the sender waits mid-send
        } else {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(","),
            raw: Buffer.concat(chunks).toString("utf8"),
          });
          callback();
        }
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  mode = "accept";
  received.length = 0;
});

async function placeWithCustomer(email: string) {
  const product = await h.createProduct({ name: "Blue mug", price_cents: 1_250 });
  const res = await h.rest("POST", "/orders", {
    body: {
      items: [{ productId: product.id, qty: 2 }],
      customer: { email, name: "Grace Hopper" },
      shipping_address: {
        line1: "1 Navy Way",
        city: "Arlington",
        postal_code: "22201",
        region: "VA",
        country: "US",
      },
    },
  });
  expect(res.status).toBe(201);
  return res.body as { orderId: string; number: number };
}

const unsent = () => h.db.emailOutbox.count({ where: { sentAt: null } });

describe("outbox over SMTP", () => {
  it("sends the confirmation once, marks it sent, and records email_sent on the timeline", async () => {
    const order = await placeWithCustomer("grace@example.com");
    const transport = createMailTransport({
      smtpUrl,
      mailDir: "/nonexistent",
      from: "Shop <orders@shop.local>",
    });
    const worker = createOutboxWorker({ db: h.db, transport, log });
    expect(await worker.drain()).toBe(1);
    expect(await worker.drain()).toBe(0);
    transport.close();

    expect(received).toHaveLength(1);
    expect(received[0]?.to).toBe("grace@example.com");
    expect(received[0]?.raw).toContain(`Subject: Order #${order.number} received`);
    expect(received[0]?.raw).toContain("2 x Blue mug");
    expect(received[0]?.raw).toContain("1 Navy Way");
    const events = await h.db.orderEvent.findMany({
      where: { orderId: order.orderId },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => [e.type, e.actor])).toEqual([
      ["placed", "shopper"],
      ["email_sent", "outbox"],
    ]);
  });

  it("while the server refuses: retried with growing backoff, not marked sent; once it is back, sent once", async () => {
    await placeWithCustomer("refused@example.com");
    const transport = createMailTransport({
      smtpUrl,
      mailDir: "/nonexistent",
      from: "Shop <orders@shop.local>",
    });
    const worker = createOutboxWorker({ db: h.db, transport, log, backoffMs: 100, maxBackoffMs: 1_000 });
    mode = "refuse";

    expect(await worker.sendOne()).toBe("failed");
    const first = await h.db.emailOutbox.findFirstOrThrow({ where: { recipient: "refused@example.com" } });
    expect(first).toMatchObject({ attempts: 1, sentAt: null, lastError: expect.stringContaining("451") });
    // Not due again before its backoff has passed.
    expect(await worker.sendOne()).toBe("idle");
    await sleep(150);
    expect(await worker.sendOne()).toBe("failed");
    const second = await h.db.emailOutbox.findFirstOrThrow({ where: { id: first.id } });
    expect(second.attempts).toBe(2);
    // 100 ms after the first failure, 200 ms after the second: the delay doubles.
    expect(second.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(120);

    mode = "accept";
    await sleep(250);
    expect(await worker.drain()).toBe(1);
    expect(await worker.drain()).toBe(0);
    transport.close();
    expect(received.filter((r) => r.to === "refused@example.com")).toHaveLength(1);
    expect(await h.db.emailOutbox.findFirstOrThrow({ where: { id: first.id } })).toMatchObject({
      attempts: 3,
      sentAt: expect.any(Date),
      lastError: null,
    });
  });

  it(
    "a sending process killed mid-send loses nothing: after a restart the email goes exactly once",
    { timeout: 60_000 },
    async () => {
      await placeWithCustomer("killed@example.com");
      mode = "stall";
      const stalled = new Promise<void>((resolve) => (onStalled = resolve));

      const start = () => {
        const child = spawn(
          process.execPath,
          ["--import", "tsx", join(import.meta.dirname, "outbox-child.ts")],
          {
            env: { ...process.env, DATABASE_URL: h.url, SMTP_URL: smtpUrl },
            stdio: ["ignore", "pipe", "inherit"],
          },
        );
        return child;
      };
      const exited = (child: ChildProcess) => new Promise((resolve) => child.once("exit", resolve));

      const first = start();
      await stalled; // the message is at the server, the row claimed, not yet marked sent
      first.kill("SIGKILL");
      await exited(first);
      expect(received).toHaveLength(0);

      mode = "accept";
      const second = start();
      try {
        for (let i = 0; i < 200 && (await unsent()) > 0; i++) await sleep(100);
      } finally {
        second.kill("SIGTERM");
        await exited(second);
      }
      expect(received.filter((r) => r.to === "killed@example.com")).toHaveLength(1);
      expect(await unsent()).toBe(0);
    },
  );
});

describe("outbox without SMTP_URL", () => {
  it("writes each message as an .eml file, once, named by its outbox row", async () => {
    const dir = await mkdtemp(join(tmpdir(), "shop-mail-"));
    try {
      const order = await placeWithCustomer("files@example.com");
      const transport = createMailTransport({ mailDir: dir, from: "Shop <orders@shop.local>" });
      const worker = createOutboxWorker({ db: h.db, transport, log });
      await worker.drain();
      const files = await readdir(dir);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/^\d+\.eml$/);
      const eml = await readFile(join(dir, files[0]!), "utf8");
      expect(eml).toContain("To: files@example.com");
      expect(eml).toContain(`Subject: Order #${order.number} received`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("a rolled-back placement queues nothing", async () => {
    const product = await h.createProduct({ stock_qty: 1 });
    const before = await h.db.emailOutbox.count();
    const res = await h.rest("POST", "/orders", {
      body: {
        items: [{ productId: product.id, qty: 2 }],
        customer: { email: "nope@example.com", name: "No Stock" },
        shipping_address: { line1: "x", city: "y", postal_code: "1", country: "DE" },
      },
    });
    expect(res.status).toBe(409);
    expect(await h.db.emailOutbox.count()).toBe(before);
  });
});
