import { recordAudit } from "@shop/staff";
import { isDatabaseReachable, type PrismaClient } from "@shop/db";
import { DEFAULT_IDEMPOTENCY_TTL_MS } from "@shop/idempotency";
import {
  createServiceApp,
  createServiceMetrics,
  mountTrpc,
  requestScope,
  serveOpenApiDocument,
  type Logger,
  type ServiceMetrics,
} from "@shop/service";
import type { OrdersDeps } from "./domain/deps.ts";
import { placementMetrics } from "./domain/place-order.ts";
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
}

/** Orders' HTTP app: the REST routes, the tRPC router at /trpc, health and the OpenAPI document. */
export function createOrdersApp({
  db,
  log,
  adminToken,
  serviceToken,
  payments,
  idempotencyTtlMs,
  ...options
}: OrdersAppOptions) {
  const metrics = options.metrics ?? createServiceMetrics("orders");
  const deps: OrdersDeps = {
    db,
    payments,
    idempotencyTtlMs: idempotencyTtlMs ?? DEFAULT_IDEMPOTENCY_TTL_MS,
    metrics: placementMetrics(metrics),
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
  return app;
}
