import { createPrismaClient } from "@shop/db";
import { createGatewayApp } from "@shop/gateway";
import { connectRedis, runService } from "@shop/service";
import { readGatewayEnv } from "./env.ts";
import { graphiqlDirFor } from "./graphiql.ts";

// Serves only as the entry point (`node main.ts`). Imported, it just loads:
// the image build imports it to fill Node's compile cache (docker/warm-compile-cache.ts).
if (import.meta.main)
  await runService("gateway", readGatewayEnv, async ({ env, log, metrics }) => {
    const graphiqlDir = graphiqlDirFor(env);
    const redis = env.redisUrl ? await connectRedis(env.redisUrl, log) : undefined;
    // Staff accounts and sessions live in the shop's database; a small pool is plenty.
    const db = env.databaseUrl ? createPrismaClient(env.databaseUrl, { maxConnections: 4 }) : undefined;
    if (!db) log.warn("DATABASE_URL is not set: staff sign-in is off (the admin token still works)");
    const { databaseUrl: _url, databaseDirectUrl: _direct, sessionIdleMs, adminToken, ...rest } = env;
    const app = createGatewayApp({
      log,
      ...rest,
      ...(adminToken ? { adminToken } : {}),
      ...(db ? { staff: { db, idleMs: sessionIdleMs } } : {}),
      ...(redis ? { redis } : {}),
      metrics,
      watchCatalog: true,
      ...(env.databaseDirectUrl ? { listenUrl: env.databaseDirectUrl } : {}),
      ...(graphiqlDir ? { graphiqlDir } : {}),
    });
    return {
      app,
      onClose: async () => {
        await app.close();
        await redis?.quit().catch(() => redis.disconnect());
        await db?.$disconnect();
      },
    };
  });
