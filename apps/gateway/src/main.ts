import { closeOnSignals, createLogger, startService } from "@shop/service";
import { createGatewayApp } from "./app.ts";
import { readGatewayEnv } from "./env.ts";

const env = readGatewayEnv();
const log = createLogger("gateway", env.logLevel);
const app = createGatewayApp({ log, ...env, rateLimitPerMinute: env.rateLimitPerMinute });
const service = await startService(app, { name: "gateway", port: env.port, log });
closeOnSignals(service, log);
