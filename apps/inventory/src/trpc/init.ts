import type { PrismaClient } from "@shop/db";
import { createServiceTrpc, type ServiceTrpcContext } from "@shop/service";

export interface InventoryContext extends ServiceTrpcContext {
  db: PrismaClient;
}

export const { router, publicProcedure, adminProcedure, createCallerFactory } =
  createServiceTrpc<InventoryContext>();
