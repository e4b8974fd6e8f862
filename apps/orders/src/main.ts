import { createPrismaClient } from "@shop/db";
import { schedulePurge } from "@shop/idempotency";
import {
  closeOnSignals,
  createLogger,
  createServiceMetrics,
  startService,
  startTracing,
} from "@shop/service";
import { createOrdersApp } from "./app.ts";
import { readOrdersEnv } from "./env.ts";
import { createPaymentsClient } from "./payments-client.ts";

const tracing = startTracing("orders");
const env = readOrdersEnv();
const log = createLogger("orders", env.logLevel);
const db = createPrismaClient(env.databaseUrl, { maxConnections: env.databasePoolMax });
const stopPurging = schedulePurge(db, log);

const app = createOrdersApp({
  db,
  log,
  adminToken: env.adminToken,
  payments: createPaymentsClient({ baseUrl: env.paymentsUrl, timeoutMs: env.paymentsTimeoutMs }),
  idempotencyTtlMs: env.idempotencyTtlMs,
  metrics: createServiceMetrics("orders", { processMetrics: true }),
});
const service = await startService(app, {
  name: "orders",
  port: env.port,
  log,
  onClose: async () => {
    stopPurging();
    await db.$disconnect();
    await tracing?.shutdown();
  },
});
log.info({ paymentsUrl: env.paymentsUrl }, "capturing through Payments");
closeOnSignals(service, log);
