import { join } from "node:path";
import { createPrismaClient, dataDir } from "@shop/db";
import { schedulePurge } from "@shop/idempotency";
import { connectRedis, runService } from "@shop/service";
import { createMailTransport, createOrdersApp, createOutboxWorker, createPaymentsClient } from "@shop/orders";
import { readOrdersEnv } from "./env.ts";

// Serves only as the entry point (`node main.ts`). Imported, it just loads:
// the image build imports it to fill Node's compile cache (docker/warm-compile-cache.ts).
if (import.meta.main)
  await runService("orders", readOrdersEnv, async ({ env, log, metrics }) => {
    const db = createPrismaClient(env.databaseUrl, { maxConnections: env.databasePoolMax });
    const stopPurging = schedulePurge(db, log);
    const redis = env.redisUrl ? await connectRedis(env.redisUrl, log) : undefined;
    const app = createOrdersApp({
      ...(redis ? { redis } : {}),
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
      listenUrl: env.databaseDirectUrl,
      metrics,
    });
    log.info({ paymentsUrl: env.paymentsUrl }, "capturing through Payments");
    // The order emails: the outbox is sent from every replica; rows are claimed
    // with SKIP LOCKED, so each email goes once.
    const transport = createMailTransport({
      smtpUrl: env.smtpUrl,
      mailDir: join(dataDir(), "mail"),
      from: env.mailFrom,
    });
    const outbox = createOutboxWorker({ db, transport, log });
    outbox.start();
    log.info(
      { mail: transport.describe },
      env.smtpUrl ? "sending order emails over SMTP" : "writing order emails as .eml files",
    );
    return {
      app,
      onClose: async () => {
        await app.close();
        await outbox.stop();
        transport.close();
        stopPurging();
        await redis?.quit().catch(() => redis.disconnect());
        await db.$disconnect();
      },
    };
  });
