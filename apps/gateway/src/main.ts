import { createGatewayApp } from "@shop/gateway";
import { runService } from "@shop/service";
import { readGatewayEnv } from "./env.ts";
import { graphiqlDirFor } from "./graphiql.ts";

await runService("gateway", readGatewayEnv, ({ env, log, metrics }) => {
  const graphiqlDir = graphiqlDirFor(env);
  const app = createGatewayApp({
    log,
    ...env,
    metrics,
    watchCatalog: true,
    ...(graphiqlDir ? { graphiqlDir } : {}),
  });
  return { app, onClose: () => app.close() };
});
