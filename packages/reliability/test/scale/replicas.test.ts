import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { holdRowLock } from "@shop/db/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOwnPostgres, type OwnPostgres } from "../../src/own-postgres.ts";
import { ShopProcess, waitFor, type ShopProcessName } from "../../src/processes.ts";
import { loopbackAddresses, sendFrom, type LocalAnswer } from "../../src/scale/local-http.ts";
import {
  redisForSuite,
  startHAProxy,
  stablePorts,
  startPgBouncer,
  type HAProxy,
  type PgBouncer,
  type RedisForSuite,
} from "../../src/scale/tools.ts";
import { SERVICE_TOKEN_HEADER } from "@shop/service";
import { TEST_SERVICE_TOKEN } from "@shop/service/testing";
import { ADMIN_HEADERS, ADMIN_TOKEN } from "../../src/stack.ts";

// Two of every part as real processes behind a real HAProxy, on one
// PostgreSQL reached through PgBouncer in transaction mode (LISTEN on a
// direct connection), the gateways' rate limit shared through Redis.
// Everything a client does goes through the load balancer.

const PARTS: ShopProcessName[] = ["inventory", "payments", "orders", "gateway"];
const RATE_LIMIT = 20;
const DRAIN_DELAY_MS = 3_000;

let db: OwnPostgres;
let bouncer: PgBouncer;
let redis: RedisForSuite;
let lb: HAProxy;
let sql: pg.Pool;
const replicas = new Map<string, ShopProcess>();
const summary: Record<string, string | number> = {};

const url = (part: ShopProcessName) => lb.urls[part]!;
const query = async <T>(text: string, values: unknown[] = []) => (await sql.query(text, values)).rows as T[];
const json = <T>(answer: LocalAnswer) => JSON.parse(answer.body) as T;
const servers = (answers: LocalAnswer[]) => new Set(answers.map((a) => a.servedBy));

beforeAll(async () => {
  db = await startOwnPostgres();
  sql = new pg.Pool({ connectionString: db.url, max: 4 });
  // As in the fault suite: an idle connection's error is the pool's to drop.
  // pool.end() resolves once it has asked its connections to close, and the
  // server stopped just after can still tell one of them "terminating
  // connection" (57P01): without a listener that crashed the run after every
  // test had passed. A query's own failure still fails its test.
  sql.on("error", () => undefined);
  bouncer = await startPgBouncer(new URL(db.url));
  redis = await redisForSuite();
  // One call for every port (servers and the balancer's): no two alike.
  const ports = await stablePorts(PARTS.length * 3);
  const named = PARTS.flatMap((part, i) =>
    [1, 2].map((n) => ({ part, name: `${part}-${n}`, port: ports[i * 2 + n - 1]! })),
  );
  lb = await startHAProxy(
    PARTS.map((part, i) => ({
      name: part,
      port: ports[PARTS.length * 2 + i]!,
      servers: named.filter((s) => s.part === part),
    })),
  );
  const shared = {
    ADMIN_TOKEN,
    SERVICE_TOKEN: TEST_SERVICE_TOKEN,
    SHUTDOWN_DRAIN_DELAY_MS: String(DRAIN_DELAY_MS),
    SHUTDOWN_TIMEOUT_MS: "8000",
  };
  const serviceEnv = {
    ...shared,
    DATABASE_URL: bouncer.url,
    DATABASE_DIRECT_URL: db.url,
    DATABASE_POOL_MAX: "5",
    PAYMENTS_URL: url("payments"),
  };
  const gatewayEnv = {
    ...shared,
    INVENTORY_URL: url("inventory"),
    ORDERS_URL: url("orders"),
    PAYMENTS_URL: url("payments"),
    REDIS_URL: redis.url,
    TRUST_PROXY: "1",
    GATEWAY_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
    SERVICE_TIMEOUT_MS: "8000",
  };
  for (const { part, name, port } of named) {
    replicas.set(name, new ShopProcess(part, port, part === "gateway" ? gatewayEnv : serviceEnv));
  }
  // Two waves: a two-core machine starting eight processes at once starves them all.
  const all = [...replicas.values()];
  for (const wave of [0, 1]) {
    const started = Date.now();
    await Promise.all(all.filter((_, i) => i % 2 === wave).map((p) => p.start(180_000)));
    console.log(`scale: wave ${wave + 1} of 4 processes up in ${Date.now() - started} ms`);
  }
  expect(await allUp(30_000)).toBe(true);
}, 600_000);

afterAll(async () => {
  console.log(
    `scale: ${Object.entries(summary)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ")}`,
  );
  await Promise.allSettled([...replicas.values()].map((p) => p.stop()));
  await Promise.allSettled([lb, bouncer, redis].map((t) => t?.stop()));
  await sql?.end().catch(() => undefined);
  await db?.destroy();
}, 120_000);

/** Every replica UP in HAProxy's eyes. */
const allUp = (timeoutMs: number) =>
  waitFor(async () => Object.values(await lb.states()).every((s) => s === "UP"), timeoutMs, 100);

async function createProduct(stock: number): Promise<string> {
  const answer = await sendFrom("127.0.0.1", `${url("inventory")}/products`, {
    method: "POST",
    headers: ADMIN_HEADERS,
    body: { name: `Scale ${randomUUID().slice(0, 8)}`, price_cents: 500, stock_qty: stock },
  });
  expect(answer.status, answer.body).toBe(201);
  return json<{ id: string }>(answer).id;
}

const placeBody = (productId: string, qty = 1) => ({ items: [{ productId, qty }] });

describe("two of every part behind HAProxy", () => {
  it("the last unit raced through both Orders replicas: exactly one winner", async () => {
    const productId = await createProduct(1);
    const lock = await holdRowLock(db.url, "products", productId);
    const racers = Array.from({ length: 8 }, () =>
      sendFrom("127.0.0.1", `${url("orders")}/orders`, { method: "POST", body: placeBody(productId) }),
    );
    // All eight are inside their transactions, queued on the row: they overlap.
    await lock.untilWaiting(8, 30_000);
    await lock.release();
    const answers = await Promise.all(racers);
    expect(servers(answers)).toEqual(new Set(["orders-1", "orders-2"]));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const lost of answers.filter((a) => a.status === 409)) {
      expect(json<{ error: string }>(lost).error).toBe("insufficient_stock");
    }
    const [row] = await query<{ stock_qty: number }>("SELECT stock_qty FROM products WHERE id = $1", [
      productId,
    ]);
    expect(row?.stock_qty).toBe(0);
    summary["race winners"] = `${statuses.filter((s) => s === 201).length}/8`;
  });

  it("one Idempotency-Key sent to both replicas at once: one order, one charge", async () => {
    const productId = await createProduct(10);
    const key = `scale-${randomUUID()}`;
    const place = () =>
      sendFrom("127.0.0.1", `${url("orders")}/orders`, {
        method: "POST",
        headers: { "idempotency-key": key },
        body: placeBody(productId),
      });
    // The first placement waits on the row, holding its key: the others arrive while it is in flight.
    const lock = await holdRowLock(db.url, "products", productId);
    const first = place();
    await lock.untilWaiting(1, 30_000);
    const during = await Promise.all(Array.from({ length: 5 }, place));
    await lock.release();
    const firstAnswer = await first;
    expect(firstAnswer.status, firstAnswer.body).toBe(201);
    expect(during.map((a) => a.status)).toEqual([409, 409, 409, 409, 409]);
    for (const a of during) expect(json<{ error: string }>(a).error).toBe("idempotency_key_in_use");
    // Afterwards both replicas replay the one order.
    const replays = await Promise.all(Array.from({ length: 4 }, place));
    expect(servers([firstAnswer, ...during, ...replays])).toEqual(new Set(["orders-1", "orders-2"]));
    const { orderId } = json<{ orderId: string }>(firstAnswer);
    for (const r of replays) expect(json<{ orderId: string }>(r).orderId).toBe(orderId);
    const orders = await query("SELECT DISTINCT order_id FROM order_items WHERE product_id = $1", [
      productId,
    ]);
    expect(orders).toHaveLength(1);

    // One charge key to both Payments replicas at once, then captures through both Orders replicas.
    const chargeKey = `scale-charge-${randomUUID()}`;
    const charges = await Promise.all(
      Array.from({ length: 8 }, () =>
        sendFrom("127.0.0.1", `${url("payments")}/charges`, {
          method: "POST",
          // Payments answers only Shop's own services.
          headers: { "idempotency-key": chargeKey, [SERVICE_TOKEN_HEADER]: TEST_SERVICE_TOKEN },
          body: { order_id: `scale-${key}`, amount_cents: 500 },
        }),
      ),
    );
    expect(servers(charges)).toEqual(new Set(["payments-1", "payments-2"]));
    const chargeIds = new Set(
      charges.filter((c) => c.status === 201).map((c) => json<{ charge_id: string }>(c).charge_id),
    );
    expect(chargeIds.size).toBe(1);
    for (const c of charges) expect([201, 409]).toContain(c.status);
    const captures = await Promise.all(
      Array.from({ length: 4 }, () =>
        sendFrom("127.0.0.1", `${url("orders")}/orders/${orderId}/capture`, {
          method: "POST",
          headers: ADMIN_HEADERS,
        }),
      ),
    );
    expect(captures.map((c) => c.status)).toEqual([200, 200, 200, 200]);
    expect(servers(captures)).toEqual(new Set(["orders-1", "orders-2"]));
    const rows = await query<{ n: number }>(
      "SELECT (SELECT count(*) FROM charges WHERE order_id = $1)::int + (SELECT count(*) FROM charges WHERE order_id = $2)::int AS n",
      [orderId, `scale-${key}`],
    );
    expect(rows[0]?.n).toBe(2); // one for the direct key, one for the captured order
    summary["idempotent orders"] = orders.length;
    summary["charges per key"] = `${chargeIds.size}+1`;
  });

  it("a product written through gateway A is read through gateway B at once", async () => {
    const productId = await createProduct(3);
    const [a, b] = [replicas.get("gateway-1")!, replicas.get("gateway-2")!];
    const graphql = (gateway: ShopProcess, query: string, variables = {}, admin = false) =>
      sendFrom("127.0.0.1", `${gateway.url}/graphql`, {
        method: "POST",
        headers: { ...(admin ? ADMIN_HEADERS : {}), "x-forwarded-for": "127.2.0.1" },
        body: { query, variables },
      });
    const catalogOnB = async () =>
      json<{ data: { products: Array<{ id: string; name: string }> } }>(
        await graphql(b, "{ products { id name } }"),
      ).data.products.find((p) => p.id === productId)?.name;
    expect(await catalogOnB()).toMatch(/^Scale /); // B has the catalog cached now
    const name = `Renamed ${randomUUID().slice(0, 8)}`;
    const renamed = await graphql(
      a,
      `
        mutation ($id: ID!, $input: UpdateProductInput!) {
          updateProduct(id: $id, input: $input) {
            __typename
          }
        }
      `,
      { id: productId, input: { name } },
      true,
    );
    expect(renamed.status, renamed.body).toBe(200);
    expect(await catalogOnB()).toBe(name);
    summary["read-your-write across gateways"] = "ok";
  });

  it("the rate limit holds across both gateways together", async () => {
    // A client address of its own (unique per run: the Redis may be shared).
    const client = `127.3.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
    const answers: LocalAnswer[] = [];
    for (let i = 0; i < RATE_LIMIT + 10; i++) {
      answers.push(
        await sendFrom(client, `${url("gateway")}/graphql`, {
          method: "POST",
          body: { query: "{ products { id } }" },
        }),
      );
    }
    expect(servers(answers)).toEqual(new Set(["gateway-1", "gateway-2"]));
    const allowed = answers.filter((a) => a.status === 200).length;
    const limited = answers.filter((a) => a.status === 429).length;
    // Per process, each gateway would have let RATE_LIMIT through: 2 × RATE_LIMIT > what was sent.
    expect({ allowed, limited }).toEqual({ allowed: RATE_LIMIT, limited: 10 });
    summary["rate limit"] = `${allowed} allowed of ${answers.length} over 2 gateways (limit ${RATE_LIMIT})`;
  });

  it("a rolling restart of every replica, one at a time, under steady load: 0 failed requests, 0 lost orders", async () => {
    const productIds = await Promise.all([createProduct(100_000), createProduct(100_000)]);
    const from = loopbackAddresses();
    const failures: string[] = [];
    const acknowledged: string[] = [];
    let requests = 0;
    let stop = false;
    const client = async (n: number) => {
      for (let i = 0; !stop; i++) {
        requests++;
        const placing = (i + n) % 2 === 0;
        const answer = await sendFrom(from(), `${url("gateway")}/graphql`, {
          method: "POST",
          body: placing
            ? {
                query: `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { __typename ... on Order { id } } }`,
                variables: { input: { items: [{ productId: productIds[i % 2], qty: 1 }] } },
              }
            : { query: "{ products { id stockQty } }" },
        });
        const body =
          answer.status === 200
            ? (JSON.parse(answer.body) as { data?: Record<string, unknown>; errors?: unknown[] })
            : undefined;
        const order = body?.data?.placeOrder as { __typename?: string; id?: string } | undefined;
        if (answer.status !== 200 || body?.errors || (placing && order?.__typename !== "Order")) {
          failures.push(`${answer.status} ${answer.failure ?? answer.body.slice(0, 200)}`);
        } else if (order?.id) {
          acknowledged.push(order.id);
        }
        await sleep(50);
      }
    };
    const load = [0, 1, 2, 3].map(client);
    await sleep(1_000);
    let restarts = 0;
    for (const [name, replica] of replicas) {
      const { exited } = replica.terminate();
      expect(await exited, `${name} exit code`).toBe(0);
      await replica.start(180_000);
      expect(await allUp(30_000), `${name} back in rotation`).toBe(true);
      restarts++;
    }
    await sleep(1_000);
    stop = true;
    await Promise.all(load);
    const found = await query<{ n: number }>(
      "SELECT count(*)::int AS n FROM orders WHERE id = ANY($1::uuid[])",
      [acknowledged],
    );
    const lost = acknowledged.length - (found[0]?.n ?? 0);
    summary["rolling restart"] =
      `${restarts} replicas restarted, ${requests} requests, ${failures.length} failed, ${acknowledged.length} orders, ${lost} lost`;
    expect(failures.slice(0, 5)).toEqual([]);
    expect(lost).toBe(0);
    expect(restarts).toBe(8);
    expect(acknowledged.length).toBeGreaterThan(20);
  });
});
