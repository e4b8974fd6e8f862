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
import { createLogger, type Logger } from "@shop/service";
import { inProcessFetch } from "@shop/service/testing";

export interface InProcessServicesOptions {
  db: PrismaClient;
  adminToken: string;
  /** Silent unless given: in tests, errors are often the point. */
  log?: Logger;
  /** How long Orders waits for a charge (5 s, as in production). */
  paymentsTimeoutMs?: number;
}

export function inProcessServices({
  db,
  adminToken,
  log,
  paymentsTimeoutMs = 5_000,
}: InProcessServicesOptions) {
  const logger = log ?? createLogger("stack", "silent");
  const payments = createPaymentsApp({ db, log: logger, adminToken });
  return {
    inventory: createInventoryApp({ db, log: logger, adminToken }),
    payments,
    orders: createOrdersApp({
      db,
      log: logger,
      adminToken,
      payments: createPaymentsClient({
        baseUrl: "http://payments.test",
        timeoutMs: paymentsTimeoutMs,
        fetch: inProcessFetch(payments),
      }),
    }),
  };
}

export type InProcessServices = ReturnType<typeof inProcessServices>;
