import { freePorts } from "@shop/db";
import { createTestDatabase, waitersOnLocks, type TestDatabase } from "@shop/db/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { send } from "../../src/http-client.ts";
import { ShopProcess, waitFor } from "../../src/processes.ts";
import { ADMIN_TOKEN } from "../../src/stack.ts";

// SIGTERM on a real process (Inventory, as production runs it) with a slow
// request in flight: the request is made slow by holding its product's row
// lock here, so it is provably in flight for as long as the test says.

const DRAIN_DELAY_MS = 1_500;
const SHUTDOWN_TIMEOUT_MS = 4_000;

let db: TestDatabase;
let inventory: ShopProcess;
let port: number;
beforeAll(async () => {
  db = await createTestDatabase();
  [port] = (await freePorts(1)) as [number];
}, 60_000);
afterAll(async () => {
  await inventory?.stop();
  await db?.drop();
}, 60_000);

async function startInventory(): Promise<ShopProcess> {
  inventory = new ShopProcess("inventory", port, {
    DATABASE_URL: db.url,
    ADMIN_TOKEN,
    DATABASE_POOL_MAX: "3",
    SHUTDOWN_DRAIN_DELAY_MS: String(DRAIN_DELAY_MS),
    SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
  });
  await inventory.start();
  return inventory;
}

/** A product, and a connection holding its row lock: a stock change for it waits until release(). */
async function slowProduct() {
  const created = await send(`${inventory.url}/products`, {
    method: "POST",
    admin: true,
    body: { name: "Drain", price_cents: 100, stock_qty: 5 },
  });
  const { id } = JSON.parse(created.text) as { id: string };
  const lock = new pg.Client({ connectionString: db.url });
  await lock.connect();
  await lock.query("BEGIN");
  await lock.query("SELECT 1 FROM products WHERE id = $1 FOR UPDATE", [id]);
  const waiting = () => waitFor(async () => (await waitersOnLocks(lock)).length === 1, 10_000);
  return {
    id,
    waiting,
    release: async () => {
      await lock.query("ROLLBACK");
      await lock.end();
    },
  };
}

describe("graceful drain on SIGTERM", () => {
  it("fails /readyz first, still serves during the drain delay, finishes the in-flight request, then exits 0", async () => {
    await startInventory();
    const product = await slowProduct();
    const inFlight = send(`${inventory.url}/products/${product.id}/stock`, {
      method: "PATCH",
      admin: true,
      body: { stock_qty: 9 },
    });
    expect(await product.waiting()).toBe(true);

    const stopping = inventory.terminate();
    expect(await waitFor(async () => (await send(`${inventory.url}/readyz`)).status === 503, 3_000)).toBe(
      true,
    );
    // Out of rotation, but not gone: a request the balancer had already sent is answered.
    const meanwhile = await send(`${inventory.url}/products`);
    expect(meanwhile.status).toBe(200);
    expect(meanwhile.headers.get("connection")).toBe("close");

    // After the delay the listener is closed: new connections are refused...
    expect(
      await waitFor(
        async () => (await send(`${inventory.url}/healthz`, { timeoutMs: 1_000 })).status === 0,
        5_000,
      ),
    ).toBe(true);
    // ...and the slow request, still in flight, completes once its lock is released.
    await product.release();
    const answer = await inFlight;
    expect(answer.status, answer.text).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ id: product.id, stock_qty: 9 });
    expect(await stopping.exited).toBe(0);
  });

  it(
    "cuts a request that outlives the shutdown deadline, and exits anyway",
    { timeout: 90_000 },
    async () => {
      await startInventory();
      const product = await slowProduct();
      const inFlight = send(`${inventory.url}/products/${product.id}/stock`, {
        method: "PATCH",
        admin: true,
        body: { stock_qty: 7 },
      });
      expect(await product.waiting()).toBe(true);
      const started = Date.now();
      const stopping = inventory.terminate();
      expect(await stopping.exited).toBe(0);
      const took = Date.now() - started;
      expect(took).toBeGreaterThanOrEqual(DRAIN_DELAY_MS + SHUTDOWN_TIMEOUT_MS - 100);
      expect(took).toBeLessThan(DRAIN_DELAY_MS + SHUTDOWN_TIMEOUT_MS + 5_000 + 5_000);
      expect((await inFlight).status).toBe(0); // the connection was cut: no answer
      // (The cut request's UPDATE is one statement still waiting in PostgreSQL:
      // it commits or not as a whole once the lock goes; the client was told
      // nothing, as after any cut connection, and a retry sets the same level.)
      await product.release();
    },
  );
});
