import { createGatewayApp } from "@shop/gateway";
import { connectRedis, runService } from "@shop/service";
import { readGatewayEnv } from "./env.ts";

await runService("gateway", readGatewayEnv, ({ env, log, metrics }) => {
  const redis = env.redisUrl ? connectRedis(env.redisUrl, log) : undefined;
  const app = createGatewayApp({ log, ...env, ...(redis ? { redis } : {}), metrics, watchCatalog: true });
  return {
    app,
    onClose: async () => {
      app.close();
      await redis?.quit().catch(() => redis.disconnect());
    },
  };
});
