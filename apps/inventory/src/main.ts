import { createPrismaClient } from "@shop/db";
import {
  closeOnSignals,
  createLogger,
  createServiceMetrics,
  readServiceEnv,
  startService,
  startTracing,
} from "@shop/service";
import { createInventoryApp } from "./app.ts";

const tracing = startTracing("inventory");
const env = readServiceEnv("inventory");
const log = createLogger("inventory", env.logLevel);
const db = createPrismaClient(env.databaseUrl, { maxConnections: env.databasePoolMax });

const app = createInventoryApp({
  db,
  log,
  adminToken: env.adminToken,
  listenUrl: env.databaseUrl,
  metrics: createServiceMetrics("inventory", { processMetrics: true }),
});
const service = await startService(app, {
  name: "inventory",
  port: env.port,
  log,
  onClose: async () => {
    await app.close();
    await db.$disconnect();
    await tracing?.shutdown();
  },
});
closeOnSignals(service, log);
