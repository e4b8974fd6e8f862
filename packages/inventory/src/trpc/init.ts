import type { PrismaClient } from "@shop/db";
import type { CatalogCache } from "../domain/catalog-cache.ts";
import type { SearchMatchesCache } from "../domain/search-matches.ts";
import { createServiceTrpc, type ServiceTrpcContext } from "@shop/service";

export interface InventoryContext extends ServiceTrpcContext {
  db: PrismaClient;
  catalog: CatalogCache;
  searches: SearchMatchesCache;
}

export const { router, publicProcedure, staffProcedure, createCallerFactory } =
  createServiceTrpc<InventoryContext>();
