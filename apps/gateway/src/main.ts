import {
  closeOnSignals,
  createLogger,
  createServiceMetrics,
  startService,
  startTracing,
} from "@shop/service";
import { createGatewayApp } from "./app.ts";
import { readGatewayEnv } from "./env.ts";

const tracing = startTracing("gateway");
const env = readGatewayEnv();
const log = createLogger("gateway", env.logLevel);
const app = createGatewayApp({
  log,
  ...env,
  metrics: createServiceMetrics("gateway", { processMetrics: true }),
  watchCatalog: true,
});
const service = await startService(app, {
  name: "gateway",
  port: env.port,
  log,
  onClose: async () => {
    app.close();
    await tracing?.shutdown();
  },
});
closeOnSignals(service, log);
