import { IMAGE_UPLOAD_MAX_BYTES } from "@shop/contracts";
import { recordAudit } from "@shop/staff";
import { isDatabaseReachable, listenForProductChanges, type PrismaClient } from "@shop/db";
import {
  createServiceApp,
  mountTrpc,
  requestScope,
  serveOpenApiDocument,
  type Logger,
  type ServiceMetrics,
} from "@shop/service";
import { SearchMatchesCache } from "./domain/search-matches.ts";
import { CatalogCache } from "./domain/catalog-cache.ts";
import { loadCatalog, stockLevels } from "./domain/products.ts";
import { productRoutes } from "./rest/products.ts";
import type { InventoryContext } from "./trpc/init.ts";
import { inventoryRouter } from "./trpc/router.ts";

/** Image uploads are bigger than the JSON bodies every other route takes. */
const UPLOAD_LIMIT_BYTES = IMAGE_UPLOAD_MAX_BYTES + 64 * 1024;

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
  /** The most products the catalog may have to be held in memory (CATALOG_HOLD_AT_MOST; tests set fewer). */
  catalogHoldAtMost?: number;
}

/** Inventory's HTTP app: the REST routes, the tRPC router at /trpc, health and the OpenAPI document. */
export function createInventoryApp({
  db,
  log,
  adminToken,
  serviceToken,
  listenUrl,
  metrics,
  catalogHoldAtMost,
}: InventoryDeps) {
  const catalog = new CatalogCache(
    { load: (atMost) => loadCatalog(db, atMost), stockOf: (ids) => stockLevels(db, ids) },
    undefined,
    catalogHoldAtMost,
  );
  const searches = new SearchMatchesCache(() => catalog.servingStamp());
  const stopListening = listenUrl
    ? listenForProductChanges(
        listenUrl,
        {
          onContentChange: (version) => catalog.contentChanged(version),
          onStockChange: (ids) => catalog.stockChanged(ids),
          onListening: (on) => catalog.setListening(on),
        },
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
    bodyLimits: [{ method: "POST", path: /^\/products\/[^/]+\/images$/, maxBytes: UPLOAD_LIMIT_BYTES }],
  });
  // A write through this service drops the cache at once, before its
  // notification comes back round through PostgreSQL (read your own writes).
  app.use(async (c, next) => {
    await next();
    if (c.req.method !== "GET") catalog.invalidate();
  });
  app.route("/", productRoutes(db, catalog, searches));
  serveOpenApiDocument(app, {
    title: "Shop Inventory",
    description: "Products and stock. Every error body is {error, message, details?}.",
  });
  mountTrpc(app, inventoryRouter, (c): InventoryContext => ({ ...requestScope(c), db, catalog, searches }));
  return Object.assign(app, { close: stopListening });
}
