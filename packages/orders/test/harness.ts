import { createTestDatabase, type TestDatabase } from "@shop/db/testing";
import { createPaymentsApp, type DecideOutcome } from "@shop/payments";
import { createLogger } from "@shop/service";
import { inProcessFetch, requestJson, TEST_SERVICE_TOKEN, type JsonAnswer } from "@shop/service/testing";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll } from "vitest";
import { createOrdersApp } from "../src/app.ts";
import { createPaymentsClient } from "../src/payments-client.ts";
import type { OrdersRouter } from "../src/trpc/router.ts";

export const ADMIN_TOKEN = "test-admin-token-0123456789";
/** Short, so the tests of a slow Payments take a moment, not five seconds. */
export const PAYMENTS_TIMEOUT_MS = 1_000;
export const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

export type RestAnswer = JsonAnswer;

export interface RestOptions {
  body?: unknown;
  rawBody?: string;
  admin?: boolean;
  /** Sent as the Idempotency-Key header. */
  key?: string;
  headers?: Record<string, string>;
}

/** Everything a test needs to know to tell whether a request wrote anything. */
export interface Snapshot {
  orders: number;
  orderItems: number;
  charges: number;
  idempotencyKeys: number;
  stock: Record<string, number>;
}

export interface Harness {
  db: TestDatabase["prisma"];
  /** The test database's URL, for a child process of the test. */
  url: string;
  /** The Orders app itself, to serve on a real socket. */
  app: ReturnType<typeof createOrdersApp>;
  /** One REST request through the real Orders app (no socket). */
  rest(method: string, path: string, options?: RestOptions): Promise<RestAnswer>;
  /** A typed tRPC client whose requests go through the same app. */
  trpc(options?: { admin?: boolean }): ReturnType<typeof createTRPCClient<OrdersRouter>>;
  /** What the in-process Payments decides for the next charges (default: succeeded). */
  setChargeOutcome(decide: DecideOutcome): void;
  /**
   * How Orders reaches Payments: by default the real Payments app over the
   * same database; a test may wrap it (`realPayments`) to add latency or faults.
   * Reset to the default before every test file's next test by `resetPayments`.
   */
  setPaymentsFetch(fetch: typeof globalThis.fetch): void;
  resetPayments(): void;
  realPayments: typeof globalThis.fetch;
  createProduct(fields?: Partial<{ name: string; price_cents: number; stock_qty: number }>): Promise<{
    id: string;
    price_cents: number;
    stock_qty: number;
  }>;
  stockOf(id: string): Promise<number>;
  snapshot(): Promise<Snapshot>;
}

/**
 * An isolated, migrated database with the Orders app over it, capturing
 * through the real Payments app, in-process, over the same database.
 */
export function useOrders(): Harness {
  let database: TestDatabase;
  let ordersApp: ReturnType<typeof createOrdersApp>;
  let paymentsApp: ReturnType<typeof createPaymentsApp>;
  let decide: DecideOutcome = () => "succeeded";

  const realPayments: typeof fetch = async (input, init) =>
    paymentsApp.request(input instanceof Request ? input : input.toString(), init);
  let paymentsFetch = realPayments;

  beforeAll(async () => {
    database = await createTestDatabase();
    paymentsApp = createPaymentsApp({
      db: database.prisma,
      log: createLogger("payments", "silent"),
      adminToken: ADMIN_TOKEN,
      serviceToken: TEST_SERVICE_TOKEN,
      decideOutcome: (input) => decide(input),
    });
    ordersApp = createOrdersApp({
      db: database.prisma,
      log: createLogger("orders", "silent"),
      adminToken: ADMIN_TOKEN,
      serviceToken: TEST_SERVICE_TOKEN,
      payments: createPaymentsClient({
        baseUrl: "http://payments.test",
        serviceToken: TEST_SERVICE_TOKEN,
        timeoutMs: PAYMENTS_TIMEOUT_MS,
        fetch: (input, init) => paymentsFetch(input, init),
      }),
    });
  });
  afterAll(() => database.drop());

  const db = () => database.prisma;
  return {
    get db() {
      return db();
    },
    get url() {
      return database.url;
    },
    get app() {
      return ordersApp;
    },
    rest(method, path, options = {}) {
      const { body, rawBody, headers } = options;
      return requestJson(ordersApp, method, path, {
        bearer: options.admin ? ADMIN_TOKEN : undefined,
        body,
        rawBody,
        headers,
        idempotencyKey: options.key,
      });
    },
    trpc(options = {}) {
      return createTRPCClient<OrdersRouter>({
        links: [
          httpLink({
            url: "http://orders.test/trpc",
            headers: options.admin ? { authorization: `Bearer ${ADMIN_TOKEN}` } : {},
            fetch: inProcessFetch(ordersApp),
          }),
        ],
      });
    },
    setChargeOutcome(next) {
      decide = next;
    },
    setPaymentsFetch(next) {
      paymentsFetch = next;
    },
    resetPayments() {
      paymentsFetch = realPayments;
      decide = () => "succeeded";
    },
    realPayments,
    async createProduct(fields = {}) {
      const row = await db().product.create({
        data: {
          name: fields.name ?? "Mug",
          priceCents: fields.price_cents ?? 1_200,
          stockQty: fields.stock_qty ?? 10,
        },
      });
      return { id: row.id, price_cents: row.priceCents, stock_qty: row.stockQty };
    },
    async stockOf(id) {
      const row = await db().product.findUniqueOrThrow({ where: { id }, select: { stockQty: true } });
      return row.stockQty;
    },
    async snapshot() {
      const [orders, orderItems, charges, idempotencyKeys, products] = await Promise.all([
        db().order.count(),
        db().orderItem.count(),
        db().charge.count(),
        db().idempotencyKey.count(),
        db().product.findMany({ select: { id: true, stockQty: true } }),
      ]);
      const stock = Object.fromEntries(products.map((p) => [p.id, p.stockQty]));
      return { orders, orderItems, charges, idempotencyKeys, stock };
    },
  };
}

/** The `{error, message, details?}` body and HTTP status a tRPC call failed with. */
export async function trpcFailure(
  call: Promise<unknown>,
): Promise<{ status: number; error: string; message: string; details: unknown }> {
  try {
    await call;
  } catch (err) {
    if (err instanceof TRPCClientError) {
      const data = err.data as { httpStatus: number; error: string; details?: unknown };
      return { status: data.httpStatus, error: data.error, message: err.message, details: data.details };
    }
    throw err;
  }
  throw new Error("expected the tRPC call to fail, but it succeeded");
}

/** A random permutation of `items`: each line order as likely as any other. */
export function shuffled<T>(items: readonly T[]): T[] {
  return items
    .map((item) => ({ item, key: Math.random() }))
    .sort((a, b) => a.key - b.key)
    .map(({ item }) => item);
}
