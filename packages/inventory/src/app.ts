import { recordAudit } from "@shop/staff";
import { isDatabaseReachable, type PrismaClient } from "@shop/db";
import {
  createServiceApp,
  mountTrpc,
  requestScope,
  serveOpenApiDocument,
  type Logger,
  type ServiceMetrics,
} from "@shop/service";
import { CatalogCache } from "./domain/catalog-cache.ts";
import { listenForProductChanges } from "./infra/product-changes.ts";
import { listCatalog } from "./domain/products.ts";
import { productRoutes } from "./rest/products.ts";
import type { InventoryContext } from "./trpc/init.ts";
import { inventoryRouter } from "./trpc/router.ts";

export interface InventoryDeps {
  db: PrismaClient;
  log: Logger;
  adminToken: string;
  /** The service credential: the gateway presents it, and only with it is its word on who acts believed. */
  serviceToken: string;
  /**
   * The database URL for the catalog cache's change listener. Without it the
   * catalog is read from the database every time (still correct, slower).
   */
  listenUrl?: string;
  /** Where /metrics numbers go; made here if absent. */
  metrics?: ServiceMetrics;
}

/** Inventory's HTTP app: the REST routes, the tRPC router at /trpc, health and the OpenAPI document. */
export function createInventoryApp({ db, log, adminToken, serviceToken, listenUrl, metrics }: InventoryDeps) {
  const catalog = new CatalogCache(() => listCatalog(db));
  const stopListening = listenUrl
    ? listenForProductChanges(
        listenUrl,
        { onChange: () => catalog.invalidate(), onListening: (on) => catalog.setListening(on) },
        log,
      )
    : () => Promise.resolve();

  const app = createServiceApp({
    name: "inventory",
    log,
    adminToken,
    serviceToken,
    metrics,
    audit: (entry) => recordAudit(db, entry),
    isReady: () => isDatabaseReachable(db),
  });
  // A write through this service drops the cache at once, before its
  // notification comes back round through PostgreSQL.
  app.use(async (c, next) => {
    await next();
    if (c.req.method !== "GET") catalog.invalidate();
  });
  app.route("/", productRoutes(db, catalog));
  serveOpenApiDocument(app, {
    title: "Shop Inventory",
    description: "Products and stock. Every error body is {error, message, details?}.",
  });
  mountTrpc(app, inventoryRouter, (c): InventoryContext => ({ ...requestScope(c), db, catalog }));
  return Object.assign(app, { close: stopListening });
}
