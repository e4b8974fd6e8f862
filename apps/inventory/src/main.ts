import { createPrismaClient } from "@shop/db";
import { closeOnSignals, createLogger, readServiceEnv, startService } from "@shop/service";
import { createInventoryApp } from "./app.ts";

const env = readServiceEnv("inventory");
const log = createLogger("inventory", env.logLevel);
const db = createPrismaClient(env.databaseUrl, { maxConnections: env.databasePoolMax });

const service = await startService(createInventoryApp({ db, log, adminToken: env.adminToken }), {
  name: "inventory",
  port: env.port,
  log,
  onClose: () => db.$disconnect(),
});
closeOnSignals(service, log);
