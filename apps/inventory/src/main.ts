import { listenDefaultsOf } from "@shop/contracts";
import { createPrismaClient } from "@shop/db";
import { readServiceEnv, runService } from "@shop/service";
import { createInventoryApp } from "@shop/inventory";

// Serves only as the entry point (`node main.ts`). Imported, it just loads:
// the image build imports it to fill Node's compile cache (docker/warm-compile-cache.ts).
if (import.meta.main)
  await runService(
    "inventory",
    () => readServiceEnv(listenDefaultsOf("inventory")),
    ({ env, log, metrics }) => {
      const db = createPrismaClient(env.databaseUrl, { maxConnections: env.databasePoolMax });
      const app = createInventoryApp({
        db,
        log,
        adminToken: env.adminToken,
        serviceToken: env.serviceToken,
        listenUrl: env.databaseDirectUrl,
        metrics,
      });
      return {
        app,
        onClose: async () => {
          await app.close();
          await db.$disconnect();
        },
      };
    },
  );
