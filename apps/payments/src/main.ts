import { createPrismaClient } from "@shop/db";
import { schedulePurge } from "@shop/idempotency";
import { runService } from "@shop/service";
import { createPaymentsApp } from "@shop/payments";
import { readPaymentsEnv } from "./env.ts";

// Serves only as the entry point (`node main.ts`). Imported, it just loads:
// the image build imports it to fill Node's compile cache (docker/warm-compile-cache.ts).
if (import.meta.main)
  await runService("payments", readPaymentsEnv, ({ env, log, metrics }) => {
    const db = createPrismaClient(env.databaseUrl, { maxConnections: env.databasePoolMax });
    const stopPurging = schedulePurge(db, log);
    const app = createPaymentsApp({
      db,
      log,
      adminToken: env.adminToken,
      serviceToken: env.serviceToken,
      successRate: env.successRate,
      idempotencyTtlMs: env.idempotencyTtlMs,
      metrics,
    });
    return {
      app,
      onClose: async () => {
        stopPurging();
        await db.$disconnect();
      },
    };
  });
