import { runService } from "@shop/service";
import { createGatewayApp } from "./app.ts";
import { readGatewayEnv } from "./env.ts";
import { graphiqlDirFor } from "./http/graphiql.ts";

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
