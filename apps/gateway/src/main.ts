import { runService } from "@shop/service";
import { createGatewayApp } from "./app.ts";
import { readGatewayEnv } from "./env.ts";

await runService("gateway", readGatewayEnv, ({ env, log, metrics }) => {
  const app = createGatewayApp({ log, ...env, metrics, watchCatalog: true });
  return { app, onClose: () => app.close() };
});
