import { recordAudit } from "@shop/staff";
import { isDatabaseReachable, listenForProductChanges, type PrismaClient } from "@shop/db";
import { DEFAULT_IDEMPOTENCY_TTL_MS } from "@shop/idempotency";
import {
  createLimiter,
  createServiceApp,
  createServiceMetrics,
  mountTrpc,
  requestScope,
  serveOpenApiDocument,
  type Logger,
  type Redis,
  type ServiceMetrics,
} from "@shop/service";
import type { OrdersDeps } from "./domain/deps.ts";
import { placementMetrics } from "./domain/place-order.ts";
import { SoldOutGate } from "./domain/sold-out-gate.ts";
import { LOOKUP_ATTEMPTS, LOOKUP_WINDOW_SECONDS } from "./domain/read-orders.ts";
import type { PaymentsClient } from "./payments-client.ts";
import { orderRoutes } from "./rest/orders.ts";
import type { OrdersContext } from "./trpc/init.ts";
import { ordersRouter } from "./trpc/router.ts";

export interface OrdersAppOptions {
  db: PrismaClient;
  log: Logger;
  adminToken: string;
  /** The service credential: the gateway presents it, and only with it is its word on who acts believed. */
  serviceToken: string;
  /** How captures reach Payments (createPaymentsClient). */
  payments: PaymentsClient;
  /** How long a placement's Idempotency-Key answer is replayed; 24 h unless set. */
  idempotencyTtlMs?: number;
  /** Where /metrics numbers go; made here if absent. */
  metrics?: ServiceMetrics;
  /** Order-lookup attempts counted in Redis for every replica; absent: in this process. */
  redis?: Redis;
  /**
   * A database URL to LISTEN on for stock changes (a direct connection, not
   * PgBouncer). With it, products seen sold out are refused from memory until
   * their stock moves (SoldOutGate); without it every order asks the database.
   */
  listenUrl?: string;
}

/** Orders' HTTP app: the REST routes, the tRPC router at /trpc, health and the OpenAPI document. */
export function createOrdersApp({
  db,
  log,
  adminToken,
  serviceToken,
  payments,
  idempotencyTtlMs,
  listenUrl,
  ...options
}: OrdersAppOptions) {
  const metrics = options.metrics ?? createServiceMetrics("orders");
  const soldOut = listenUrl ? new SoldOutGate() : undefined;
  const stopListening = soldOut
    ? listenForProductChanges(
        listenUrl!,
        {
          onContentChange: () => soldOut.contentChanged(),
          // A marked product has no stock left: any change to it makes it
          // come back, which is told on the sold-out channel. Not hearing
          // every order's stock change spares this process a wake-up per order.
          onSoldOutChange: (ids) => soldOut.soldOutChanged(ids),
          onListening: (on) => soldOut.setListening(on),
        },
        log,
      )
    : () => Promise.resolve();
  const deps: OrdersDeps = {
    db,
    payments,
    idempotencyTtlMs: idempotencyTtlMs ?? DEFAULT_IDEMPOTENCY_TTL_MS,
    metrics: placementMetrics(metrics),
    ...(soldOut ? { soldOut } : {}),
    // Shared by every replica through Redis, so N replicas do not allow N times the guesses;
    // while Redis is down, lookups are refused rather than counted per process.
    lookupLimiter: createLimiter({
      name: "order-lookup",
      points: LOOKUP_ATTEMPTS,
      durationSec: LOOKUP_WINDOW_SECONDS,
      ...(options.redis ? { redis: options.redis, whenRedisDown: "refuse" as const } : {}),
    }),
  };
  const app = createServiceApp({
    name: "orders",
    log,
    adminToken,
    serviceToken,
    metrics,
    audit: (entry) => recordAudit(db, entry),
    isReady: () => isDatabaseReachable(db),
  });
  app.route("/", orderRoutes(deps));
  serveOpenApiDocument(app, {
    title: "Shop Orders",
    description:
      "ACID order placement (row locks in one READ COMMITTED transaction) and capture through Payments. " +
      "Every error body is {error, message, details?}.",
  });
  mountTrpc(app, ordersRouter, (c): OrdersContext => ({ ...requestScope(c), deps }));
  return Object.assign(app, { close: stopListening });
}
