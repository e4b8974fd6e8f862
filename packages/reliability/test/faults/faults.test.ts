import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { freePorts } from "@shop/db";
import { waitersOnLocks, type LockWaiter } from "@shop/db/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { problemWithRefusal } from "../../src/answers.ts";
import { graphql, PLACE_ORDER, send, type TimedAnswer } from "../../src/http-client.ts";
import { runLoad, summarise, type Outcome } from "../../src/load.ts";
import { startOwnPostgres, type OwnPostgres } from "../../src/own-postgres.ts";
import { ShopProcess, waitFor, type ShopProcessName } from "../../src/processes.ts";
import { differingRows, takeSnapshot } from "../../src/snapshot.ts";
import { ADMIN_TOKEN } from "../../src/stack.ts";
import { TEST_SERVICE_TOKEN } from "@shop/service/testing";
import { useTally } from "../../src/tally.ts";

/** Payments answers only Shop's own services: a direct call carries their credential. */
const AS_A_SERVICE = { "x-service-token": TEST_SERVICE_TOKEN };

// Faults against the real stack: the services and the gateway as processes
// (as `pnpm start` runs them), over a PostgreSQL of this file's own that the
// test stops and starts. Nothing in the services knows it is being tested.

/** The gateway gives up on a service after this long (SERVICE_TIMEOUT_MS)... */
const SERVICE_TIMEOUT_MS = 1_000;
/** ...and its answer may take this much longer to arrive on a busy two-core machine. */
const MARGIN_MS = 2_000;
/** No request during a fault may take longer than this: anything slower counts as a hang. */
const NO_HANG_MS = 10_000;

const tally = useTally("faults");
let db: OwnPostgres;
let sql: pg.Pool;
const processes = new Map<ShopProcessName, ShopProcess>();
const spareOrders: ShopProcess[] = [];

const service = (name: ShopProcessName) => processes.get(name)!;
const query = async (text: string, values: unknown[] = []) =>
  (await sql.query(text, values)).rows as unknown[];
const snapshot = () => takeSnapshot((text) => query(text));

function servicesEnv(paymentsUrl: string): Record<string, string> {
  return { DATABASE_URL: db.url, ADMIN_TOKEN, PAYMENTS_URL: paymentsUrl, DATABASE_POOL_MAX: "5" };
}

beforeAll(async () => {
  db = await startOwnPostgres();
  // A small pool that survives the restart: pg drops dead clients and connects anew.
  sql = new pg.Pool({ connectionString: db.url, max: 3 });
  sql.on("error", () => undefined);
  const ports = await freePorts(4);
  const [inventoryPort, ordersPort, paymentsPort, gatewayPort] = ports as [number, number, number, number];
  const env = servicesEnv(`http://127.0.0.1:${paymentsPort}`);
  processes.set("inventory", new ShopProcess("inventory", inventoryPort, env));
  processes.set("payments", new ShopProcess("payments", paymentsPort, env));
  processes.set("orders", new ShopProcess("orders", ordersPort, env));
  processes.set(
    "gateway",
    new ShopProcess("gateway", gatewayPort, {
      INVENTORY_URL: `http://127.0.0.1:${inventoryPort}`,
      ORDERS_URL: `http://127.0.0.1:${ordersPort}`,
      PAYMENTS_URL: `http://127.0.0.1:${paymentsPort}`,
      SERVICE_TIMEOUT_MS: String(SERVICE_TIMEOUT_MS),
      GATEWAY_RATE_LIMIT_PER_MINUTE: "0",
    }),
  );
  await Promise.all([...processes.values()].map((p) => p.start()));
}, 180_000);

afterAll(async () => {
  await Promise.allSettled([...processes.values(), ...spareOrders].map((p) => p.stop()));
  await sql?.end().catch(() => undefined);
  await db?.destroy();
}, 60_000);

async function createProduct(stock: number, name = `Fault ${randomUUID().slice(0, 8)}`): Promise<string> {
  const answer = await send(`${service("inventory").url}/products`, {
    method: "POST",
    admin: true,
    body: { name, price_cents: 1_000, stock_qty: stock },
  });
  expect(answer.status, answer.text).toBe(201);
  return (JSON.parse(answer.text) as { id: string }).id;
}

async function placeOrder(
  ordersUrl: string,
  items: Array<{ productId: string; qty: number }>,
): Promise<TimedAnswer> {
  return send(`${ordersUrl}/orders`, { method: "POST", body: { items } });
}

/** Rows a fault lost or left half-written: acknowledged orders missing, lines missing, stock not matching its orders. */
async function rowsLost(
  acknowledged: string[],
  products: Array<{ id: string; initial: number }>,
): Promise<number> {
  let lost = 0;
  if (acknowledged.length > 0) {
    const found = await query(
      `SELECT o.id FROM orders o WHERE o.id = ANY($1::uuid[]) AND EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id)`,
      [acknowledged],
    );
    lost += acknowledged.length - found.length;
  }
  const orphans = await query(
    `SELECT o.id FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id)`,
  );
  lost += orphans.length;
  for (const { id, initial } of products) {
    const [row] = (await query(
      `SELECT p.stock_qty AS stock, coalesce((SELECT sum(i.qty) FROM order_items i JOIN orders o ON o.id = i.order_id
                                              WHERE i.product_id = p.id AND o.status <> 'CANCELLED'), 0)::int AS sold
         FROM products p WHERE p.id = $1`,
      [id],
    )) as Array<{ stock: number; sold: number }>;
    if (!row || row.stock + row.sold !== initial) lost += 1;
  }
  return lost;
}

describe("the database stops and comes back", () => {
  it("answers 503 service_unavailable meanwhile, never hangs, and recovers without a restart", async () => {
    const productId = await createProduct(100);
    const placed = await placeOrder(service("orders").url, [{ productId, qty: 1 }]);
    expect(placed.status, placed.text).toBe(201);
    const orderId = (JSON.parse(placed.text) as { orderId: string }).orderId;
    const chargeId = randomUUID();
    const pids = new Map([...processes].map(([name, p]) => [name, p.pid]));

    await db.stop();

    const inventory = service("inventory").url;
    const orders = service("orders").url;
    const payments = service("payments").url;
    const during: Array<[string, () => Promise<TimedAnswer>]> = [
      ["inventory /readyz", () => send(`${inventory}/readyz`)],
      ["orders /readyz", () => send(`${orders}/readyz`)],
      ["payments /readyz", () => send(`${payments}/readyz`)],
      ["GET /products", () => send(`${inventory}/products`)],
      ["GET /products/:id", () => send(`${inventory}/products/${productId}`)],
      [
        "POST /products",
        () =>
          send(`${inventory}/products`, {
            method: "POST",
            admin: true,
            body: { name: "x", price_cents: 1, stock_qty: 1 },
          }),
      ],
      [
        "PATCH /products/:id/stock",
        () =>
          send(`${inventory}/products/${productId}/stock`, {
            method: "PATCH",
            admin: true,
            body: { delta: 1 },
          }),
      ],
      ["POST /orders", () => placeOrder(orders, [{ productId, qty: 1 }])],
      ["GET /orders/:id", () => send(`${orders}/orders/${orderId}`)],
      ["GET /orders", () => send(`${orders}/orders`, { admin: true })],
      [
        "POST /orders/:id/capture",
        () => send(`${orders}/orders/${orderId}/capture`, { method: "POST", admin: true }),
      ],
      [
        "POST /charges",
        () =>
          send(`${payments}/charges`, {
            method: "POST",
            headers: { "idempotency-key": randomUUID(), ...AS_A_SERVICE },
            body: { order_id: "x", amount_cents: 100 },
          }),
      ],
      ["GET /charges/:id", () => send(`${payments}/charges/${chargeId}`, { headers: AS_A_SERVICE })],
    ];
    let slowest = 0;
    // Twice: right after the stop, and again once every pool has noticed.
    for (let round = 0; round < 2; round++) {
      for (const [what, request] of during) {
        const answer = await request();
        slowest = Math.max(slowest, answer.ms);
        expect(answer.ms, `${what} took ${answer.ms} ms`).toBeLessThan(NO_HANG_MS);
        const problem = problemWithRefusal(answer, [503]);
        expect(
          problem,
          `${what}: ${problem}\n${[...processes.values()].map((p) => p.lastOutput()).join("\n")}`,
        ).toBeUndefined();
        expect(JSON.parse(answer.text), what).toMatchObject({ error: "service_unavailable" });
      }
      const viaGateway = await graphql(service("gateway").url, PLACE_ORDER, {
        input: { items: [{ productId, qty: 1 }] },
      });
      expect(viaGateway.errors?.[0]?.extensions?.code, viaGateway.answer.text).toBe("SERVICE_UNAVAILABLE");
      await sleep(500);
    }
    tally.durationsMs["slowest answer during the outage"] = slowest;

    const restarted = Date.now();
    await db.start();
    const recovered = await waitFor(
      async () => {
        const ready = await Promise.all([inventory, orders, payments].map((url) => send(`${url}/readyz`)));
        if (!ready.every((r) => r.status === 200)) return false;
        return (await placeOrder(orders, [{ productId, qty: 1 }])).status === 201;
      },
      60_000,
      200,
    );
    const recoveryMs = Date.now() - restarted;
    tally.durationsMs["recovery after the database restart"] = recoveryMs;
    expect(recovered, `no recovery within 60 s:\n${service("orders").lastOutput()}`).toBe(true);

    // The same processes recovered: none was restarted.
    for (const [name, p] of processes) expect(p.pid, name).toBe(pids.get(name));
    const lost = await rowsLost([orderId], [{ id: productId, initial: 100 }]);
    tally.rowsLost += lost;
    expect(lost).toBe(0);
    // Counted only now: a fault whose checks failed is no fault survived.
    tally.fault("database stopped and restarted");
  }, 120_000);
});

describe("an Orders process killed inside a placement transaction", () => {
  // Two places to be caught: waiting for a product's row lock (holding the
  // locks on the products before it), and after the order, its lines and the
  // stock decrement were written, waiting to store the Idempotency-Key answer.
  // Placement is one statement (the place_order function), so where it is
  // caught is told by the lock it waits for and what it already holds.
  const variants = [
    { name: "waiting for a row lock", hold: "row lock", blockedAt: /place_order\(/ },
    { name: "after writing the order", hold: "table lock", blockedAt: /place_order\(/ },
    { name: "waiting for a row lock", hold: "row lock", blockedAt: /place_order\(/ },
    { name: "after writing the order", hold: "table lock", blockedAt: /place_order\(/ },
  ] as const;

  let victims: ShopProcess[] = [];
  beforeAll(async () => {
    // One Orders process per kill, started together: a kill needs no restart in between.
    const env = servicesEnv(service("payments").url);
    const ports = await freePorts(variants.length);
    victims = ports.map((port) => new ShopProcess("orders", port, env));
    spareOrders.push(...victims);
    await Promise.all(victims.map((p) => p.start()));
  }, 120_000);

  it.each(variants.map((v, i) => [i + 1, v.name, i] as const))(
    "kill %i (%s): no order, no line, no stock taken, no key stored, no lock left",
    async (_n, _name, index) => {
      const variant = variants[index]!;
      const victim = victims[index]!;
      const ids = (await Promise.all([1, 2, 3].map(() => createProduct(10)))).sort();
      const before = await snapshot();

      // Hold what the placement will need, from a connection of the test's own.
      const holder = await sql.connect();
      let blockedPid: number | undefined;
      try {
        await holder.query("BEGIN");
        if (variant.hold === "row lock") {
          // The highest id: placement locks in id order, so it already holds the other two.
          await holder.query("SELECT id FROM products WHERE id = $1 FOR UPDATE", [ids.at(-1)]);
        } else {
          await holder.query("LOCK TABLE idempotency_keys IN SHARE MODE");
        }

        const placing = send(`${victim.url}/orders`, {
          method: "POST",
          body: { items: ids.map((productId) => ({ productId, qty: 2 })) },
          headers: variant.hold === "table lock" ? { "idempotency-key": randomUUID() } : {},
        });

        // Inside its transaction, blocked where we wanted it.
        let blocked: LockWaiter | undefined;
        const caught = await waitFor(async () => {
          blocked = (await waitersOnLocks(sql)).find((r) => variant.blockedAt.test(r.query));
          return blocked !== undefined;
        }, 30_000);
        expect(caught, "the placement never blocked on the held lock").toBe(true);
        blockedPid = blocked!.pid;
        if (variant.hold === "table lock") {
          // It has written: it holds write locks on orders, order_items and products.
          const written = (await query(
            `SELECT relation::regclass::text AS table FROM pg_locks WHERE pid = $1 AND mode = 'RowExclusiveLock'`,
            [blockedPid],
          )) as Array<{ table: string }>;
          expect(written.map((w) => w.table)).toEqual(
            expect.arrayContaining(["orders", "order_items", "products"]),
          );
        }

        await victim.signal("SIGKILL");
        const answer = await placing;
        expect(answer.status, "the killed process cannot have answered").toBe(0);

        // The orphaned backend notices its client gone while it still waits
        // (client_connection_check_interval, set by @shop/db) and rolls back:
        // the lock it waits for is never released to it.
        const gone = await waitFor(
          async () =>
            (await query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [blockedPid])).length === 0,
          30_000,
        );
        expect(gone, "the killed placement's backend is still there").toBe(true);
      } finally {
        await holder.query("ROLLBACK").catch(() => undefined);
        holder.release();
      }

      const after = await snapshot();
      const lost = differingRows(before, after);
      tally.rowsLost += lost;
      expect(after).toEqual(before);
      expect(lost).toBe(0);
      // And no lock outlived it.
      const free = await sql.connect();
      try {
        await free.query("BEGIN");
        const locked = await free.query(
          "SELECT id FROM products WHERE id = ANY($1::uuid[]) FOR UPDATE NOWAIT",
          [ids],
        );
        expect(locked.rowCount).toBe(3);
      } finally {
        await free.query("ROLLBACK");
        free.release();
      }
      tally.fault("orders killed inside a placement transaction");
    },
    60_000,
  );

  it("places orders for the same products afterwards", async () => {
    const id = await createProduct(10);
    const placed = await placeOrder(service("orders").url, [{ productId: id, qty: 10 }]);
    expect(placed.status, placed.text).toBe(201);
  });
});

describe("Orders fails under load through the gateway", () => {
  it("the gateway answers SERVICE_UNAVAILABLE within its timeout, keeps serving the catalog, and recovers without a restart", async () => {
    const gateway = service("gateway");
    const orders = service("orders");
    const gatewayPid = gateway.pid;
    const productIds = await Promise.all([1, 2, 3].map(() => createProduct(100_000)));
    const acknowledged: string[] = [];
    const load = async (durationMs: number) => {
      const outcomes = await runLoad({
        gatewayUrl: gateway.url,
        productIds,
        clients: 4,
        durationMs,
        maxRequests: 3_000,
      });
      for (const o of outcomes) if (o.orderId) acknowledged.push(o.orderId);
      return outcomes;
    };
    const bound = SERVICE_TIMEOUT_MS + MARGIN_MS;
    const placements = (outcomes: Outcome[]) => outcomes.filter((o) => o.kind === "placeOrder");
    const catalogReads = (outcomes: Outcome[]) => outcomes.filter((o) => o.kind === "products");
    const placementRecovers = async () => {
      const started = performance.now();
      const ok = await waitFor(
        async () => {
          const { data } = await graphql(gateway.url, PLACE_ORDER, {
            input: { items: [{ productId: productIds[0], qty: 1 }] },
          });
          const placed = data?.placeOrder as { __typename?: string; id?: string } | undefined;
          if (placed?.id) acknowledged.push(placed.id);
          return placed?.__typename === "Order";
        },
        60_000,
        100,
      );
      expect(ok, "placeOrder through the gateway did not recover").toBe(true);
      return Math.round(performance.now() - started);
    };

    // Healthy: everything succeeds.
    const healthy = await load(1_500);
    expect(
      healthy.every((o) => o.result === "ok"),
      summarise(healthy),
    ).toBe(true);

    // Orders hangs (SIGSTOP: connections accepted, nothing answered): the gateway gives up at its timeout.
    await orders.signal("SIGSTOP");
    const hung = await load(3_000);
    await orders.signal("SIGCONT");
    expect(placements(hung).length).toBeGreaterThan(0);
    for (const o of placements(hung)) {
      expect(o.result, summarise(hung)).toBe("SERVICE_UNAVAILABLE");
      expect(o.ms, `a placement answered after ${o.ms} ms`).toBeLessThanOrEqual(bound);
      expect(o.ms, "answered before the timeout: was Orders really hung?").toBeGreaterThanOrEqual(
        SERVICE_TIMEOUT_MS * 0.9,
      );
    }
    expect(
      catalogReads(hung).every((o) => o.result === "ok"),
      summarise(hung),
    ).toBe(true);
    tally.durationsMs["slowest gateway answer, Orders hung"] = Math.max(...placements(hung).map((o) => o.ms));
    tally.durationsMs["placement recovery after SIGCONT"] = await placementRecovers();

    // Orders killed mid-load (SIGKILL): refused connections, answered at once.
    const loading = load(3_500);
    await sleep(700);
    await orders.signal("SIGKILL");
    const killedAt = performance.now();
    const killed = await loading;
    const afterKill = placements(killed).filter((o) => o.sentAt > killedAt);
    expect(afterKill.length).toBeGreaterThan(0);
    for (const o of afterKill) {
      expect(o.result, summarise(killed)).toBe("SERVICE_UNAVAILABLE");
      expect(o.ms, `a placement answered after ${o.ms} ms`).toBeLessThanOrEqual(bound);
    }
    // Those in flight at the kill: an order or SERVICE_UNAVAILABLE, never anything else.
    expect(
      placements(killed).every((o) => ["ok", "SERVICE_UNAVAILABLE"].includes(o.result)),
      summarise(killed),
    ).toBe(true);
    expect(
      catalogReads(killed).every((o) => o.result === "ok"),
      summarise(killed),
    ).toBe(true);
    tally.durationsMs["slowest gateway answer, Orders killed"] = Math.max(...afterKill.map((o) => o.ms));

    // Orders comes back on the same port; the gateway, never restarted, recovers.
    const restarting = performance.now();
    await orders.start();
    tally.durationsMs["Orders restart (process start to healthy)"] = Math.round(
      performance.now() - restarting,
    );
    tally.durationsMs["placement recovery after the restart"] = await placementRecovers();
    expect(gateway.pid).toBe(gatewayPid);
    expect(gateway.running).toBe(true);

    const lost = await rowsLost(
      acknowledged,
      productIds.map((id) => ({ id, initial: 100_000 })),
    );
    tally.rowsLost += lost;
    expect(lost, `${acknowledged.length} acknowledged orders`).toBe(0);
    const requests = healthy.length + hung.length + killed.length;
    tally.notes.push(
      `${requests} gateway requests under load, ${acknowledged.length} orders acknowledged and all found`,
    );
    tally.fault("orders paused (SIGSTOP) under load");
    tally.fault("orders killed (SIGKILL) under load");
  }, 120_000);
});
