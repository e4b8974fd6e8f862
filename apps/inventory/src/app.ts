import { isDatabaseReachable, type PrismaClient } from "@shop/db";
import { createServiceApp, mountTrpc, requestScope, type Logger } from "@shop/service";
import { openApiDocument } from "./openapi.ts";
import { productRoutes } from "./rest/products.ts";
import type { InventoryContext } from "./trpc/init.ts";
import { inventoryRouter } from "./trpc/router.ts";

export interface InventoryDeps {
  db: PrismaClient;
  log: Logger;
  adminToken: string;
}

/** Inventory's HTTP app: the REST routes, the tRPC router at /trpc, health and the OpenAPI document. */
export function createInventoryApp({ db, log, adminToken }: InventoryDeps) {
  const app = createServiceApp({ log, adminToken, isReady: () => isDatabaseReachable(db) });
  app.get("/openapi.json", (c) => c.json(openApiDocument));
  app.route("/", productRoutes(db));
  mountTrpc(app, inventoryRouter, (c): InventoryContext => ({ ...requestScope(c), db }));
  return app;
}
