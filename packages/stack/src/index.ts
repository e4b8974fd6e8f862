/**
 * Inventory, Payments and Orders as the real apps their main.ts serve, over
 * one database, with Orders capturing through that Payments: every HTTP hop
 * between them an in-process `app.request` (no sockets). What the gateway's
 * integration tests, the SDK's tests and the reliability suites stand on.
 */
import type { PrismaClient } from "@shop/db";
import { createInventoryApp } from "@shop/inventory";
import { createOrdersApp, createPaymentsClient } from "@shop/orders";
import { createPaymentsApp } from "@shop/payments";
import { createLogger, createServiceMetrics, type Logger } from "@shop/service";
import { inProcessFetch } from "@shop/service/testing";

export interface InProcessServicesOptions {
  db: PrismaClient;
  adminToken: string;
  /** The service credential between them (and the gateway's, in front of them). */
  serviceToken: string;
  /** Silent unless given: in tests, errors are often the point. */
  log?: Logger;
  /** How long Orders waits for a charge (5 s, as in production). */
  paymentsTimeoutMs?: number;
  /**
   * The database URL Inventory's catalog cache and Orders' sold-out gate
   * LISTEN on, as in production; absent: both ask the database every time.
   * Call the apps' close() before dropping the database.
   */
  listenUrl?: string;
  /** The most products Inventory holds in memory (CATALOG_HOLD_AT_MOST; tests of a larger catalog set fewer). */
  catalogHoldAtMost?: number;
}

export function inProcessServices({
  db,
  adminToken,
  serviceToken,
  log,
  paymentsTimeoutMs = 5_000,
  listenUrl,
  catalogHoldAtMost,
}: InProcessServicesOptions) {
  const listen = listenUrl ? { listenUrl } : {};
  const logger = log ?? createLogger("stack", "silent");
  // Each service's numbers, as its METRICS_PORT would serve them (createMetricsApp).
  const metrics = {
    inventory: createServiceMetrics("inventory"),
    orders: createServiceMetrics("orders"),
    payments: createServiceMetrics("payments"),
  };
  const payments = createPaymentsApp({
    db,
    log: logger,
    adminToken,
    serviceToken,
    metrics: metrics.payments,
  });
  return {
    metrics,
    inventory: createInventoryApp({
      db,
      log: logger,
      adminToken,
      serviceToken,
      metrics: metrics.inventory,
      ...listen,
      ...(catalogHoldAtMost === undefined ? {} : { catalogHoldAtMost }),
    }),
    payments,
    orders: createOrdersApp({
      db,
      log: logger,
      adminToken,
      serviceToken,
      metrics: metrics.orders,
      ...listen,
      payments: createPaymentsClient({
        serviceToken,
        baseUrl: "http://payments.test",
        timeoutMs: paymentsTimeoutMs,
        fetch: inProcessFetch(payments),
      }),
    }),
  };
}

export type InProcessServices = ReturnType<typeof inProcessServices>;
