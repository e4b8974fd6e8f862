import type { PrismaClient } from "@shop/db";
import type { CatalogCache } from "../domain/catalog-cache.ts";
import { createServiceTrpc, type ServiceTrpcContext } from "@shop/service";

export interface InventoryContext extends ServiceTrpcContext {
  db: PrismaClient;
  catalog: CatalogCache;
}

export const { router, publicProcedure, staffProcedure, createCallerFactory } =
  createServiceTrpc<InventoryContext>();
