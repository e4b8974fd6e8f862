import { createPrismaClient } from "@shop/db";
import { schedulePurge } from "@shop/idempotency";
import {
  closeOnSignals,
  createLogger,
  createServiceMetrics,
  startService,
  startTracing,
} from "@shop/service";
import { createPaymentsApp } from "./app.ts";
import { readPaymentsEnv } from "./env.ts";

const tracing = startTracing("payments");
const env = readPaymentsEnv();
const log = createLogger("payments", env.logLevel);
const db = createPrismaClient(env.databaseUrl, { maxConnections: env.databasePoolMax });
const stopPurging = schedulePurge(db, log);

const app = createPaymentsApp({
  db,
  log,
  adminToken: env.adminToken,
  successRate: env.successRate,
  idempotencyTtlMs: env.idempotencyTtlMs,
  metrics: createServiceMetrics("payments", { processMetrics: true }),
});
const service = await startService(app, {
  name: "payments",
  port: env.port,
  log,
  onClose: async () => {
    stopPurging();
    await db.$disconnect();
    await tracing?.shutdown();
  },
});
closeOnSignals(service, log);
