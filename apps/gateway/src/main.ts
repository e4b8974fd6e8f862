import { createGatewayApp } from "@shop/gateway";
import { connectRedis, runService } from "@shop/service";
import { readGatewayEnv } from "./env.ts";
import { graphiqlDirFor } from "./graphiql.ts";

await runService("gateway", readGatewayEnv, ({ env, log, metrics }) => {
  const graphiqlDir = graphiqlDirFor(env);
  const redis = env.redisUrl ? connectRedis(env.redisUrl, log) : undefined;
  const app = createGatewayApp({
    log,
    ...env,
    ...(redis ? { redis } : {}),
    metrics,
    watchCatalog: true,
    ...(graphiqlDir ? { graphiqlDir } : {}),
  });
  return {
    app,
    onClose: async () => {
      app.close();
      await redis?.quit().catch(() => redis.disconnect());
    },
  };
});
