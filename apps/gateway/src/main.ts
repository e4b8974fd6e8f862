import { createGatewayApp } from "@shop/gateway";
import { runService } from "@shop/service";
import { readGatewayEnv } from "./env.ts";

await runService("gateway", readGatewayEnv, ({ env, log, metrics }) => {
  const app = createGatewayApp({ log, ...env, metrics, watchCatalog: true });
  return { app, onClose: () => app.close() };
});
