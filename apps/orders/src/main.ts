import { createPrismaClient } from "@shop/db";
import { schedulePurge } from "@shop/idempotency";
import { runService } from "@shop/service";
import { createOrdersApp, createPaymentsClient } from "@shop/orders";
import { readOrdersEnv } from "./env.ts";

await runService("orders", readOrdersEnv, ({ env, log, metrics }) => {
  const db = createPrismaClient(env.databaseUrl, { maxConnections: env.databasePoolMax });
  const stopPurging = schedulePurge(db, log);
  const app = createOrdersApp({
    db,
    log,
    adminToken: env.adminToken,
    serviceToken: env.serviceToken,
    payments: createPaymentsClient({
      baseUrl: env.paymentsUrl,
      timeoutMs: env.paymentsTimeoutMs,
      serviceToken: env.serviceToken,
    }),
    idempotencyTtlMs: env.idempotencyTtlMs,
    metrics,
  });
  log.info({ paymentsUrl: env.paymentsUrl }, "capturing through Payments");
  return {
    app,
    onClose: async () => {
      stopPurging();
      await db.$disconnect();
    },
  };
});
