export { PrismaClient, Prisma, OrderStatus, ChargeStatus } from "./generated/prisma/client.ts";
export type { Product, Order, OrderItem, Charge } from "./generated/prisma/client.ts";
export * from "./columns.ts";
export {
  createPrismaClient,
  isDatabaseReachable,
  poolOf,
  queryRows,
  type PrismaClientOptions,
} from "./client.ts";
export { startDatabase, EMBEDDED_PORT, EMBEDDED_DATABASE, type RunningDatabase } from "./database.ts";
export { applyMigrations, createMigration, diffDatabaseToSchema } from "./migrations/index.ts";
export {
  listenForProductChanges,
  CONTENT_CHANGED_CHANNEL,
  STOCK_CHANGED_CHANNEL,
  SOLD_OUT_CHANGED_CHANNEL,
  type ProductChangeHandlers,
  type ListenerLog,
} from "./product-changes.ts";
export { seedIfEmpty, SEED_PRODUCTS } from "./seed.ts";
export { repoRoot, dataDir } from "./paths.ts";
export { freePorts } from "./free-ports.ts";
