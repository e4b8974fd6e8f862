import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";

export interface PrismaClientOptions {
  /** Upper bound of the pg pool behind the client; default 10 (pg's own default). */
  maxConnections?: number;
  /** Fail a query that waits this long for a free connection, rather than hang. Default 5 s. */
  connectionTimeoutMs?: number;
}

/**
 * A Prisma client on the pg driver adapter. One per process: it owns a pool.
 * The adapter keeps the pool's errors (a restarted database, a dropped
 * connection) inside failed queries, so the service reconnects on its own.
 */
export function createPrismaClient(url: string, options: PrismaClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter });
}

/** True when the database answers a trivial query: what /readyz reports. */
export async function isDatabaseReachable(prisma: PrismaClient): Promise<boolean> {
  try {
    await prisma.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
