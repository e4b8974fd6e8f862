import { type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { freePorts } from "@shop/db";
import { runTs, stopProcess, waitUntilHealthy } from "@shop/service/processes";
import { createTestDatabase, type TestDatabase } from "@shop/db/testing";
import { TEST_SERVICE_TOKEN } from "@shop/service/testing";
import { afterAll, beforeAll, expect, it } from "vitest";

// The key→answer map lives in PostgreSQL: a new process over the same
// database still replays, which an in-memory map could not.
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));

async function startPayments(port: number): Promise<ChildProcess> {
  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    ADMIN_TOKEN: "test-admin-token-0123456789",
    SERVICE_TOKEN: TEST_SERVICE_TOKEN,
    PAYMENTS_PORT: String(port),
    METRICS_PORT: "0",
    LOG_LEVEL: "warn",
  };
  const child = runTs(main, env, process.cwd(), { stdio: ["ignore", "inherit", "inherit"] });
  await waitUntilHealthy(`http://127.0.0.1:${port}/healthz`, child, 20_000);
  return child;
}

it(
  "replays a charge after the service restarts (new process, same database)",
  { timeout: 30_000 },
  async () => {
    const [port] = (await freePorts(1)) as [number];
    const key = randomUUID();
    const request = () =>
      fetch(`http://127.0.0.1:${port}/charges`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "idempotency-key": key,
          "x-service-token": TEST_SERVICE_TOKEN,
        },
        body: JSON.stringify({ order_id: "restart", amount_cents: 900 }),
      });

    const first = await startPayments(port);
    const before = await request();
    const beforeText = await before.text();
    await stopProcess(first);

    const second = await startPayments(port);
    try {
      const after = await request();
      expect(after.status).toBe(before.status);
      expect(await after.text()).toBe(beforeText);
      expect(after.headers.get("idempotent-replayed")).toBe("true");
      expect(await db.prisma.charge.count({ where: { orderId: "restart" } })).toBe(1);
    } finally {
      await stopProcess(second);
    }
  },
);
