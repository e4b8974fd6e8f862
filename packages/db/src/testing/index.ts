/**
 * Test databases for integration tests: a fresh database per test file,
 * cloned from the migrated template that global-setup.ts made, so files run
 * in parallel and never see each other's rows.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createPrismaClient } from "../client.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { execute } from "./global-setup.ts";
import { databaseUrl } from "./urls.ts";

export interface TestDatabase {
  /** postgres:// URL of this file's own database. */
  url: string;
  prisma: PrismaClient;
  /** Disconnect and drop the database. */
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const { adminUrl, template } = inject("testDatabase");
  const name = `shop_test_${randomBytes(6).toString("hex")}`;
  await execute(
    adminUrl,
    `CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}`,
  );
  const url = databaseUrl(adminUrl, name);
  const prisma = createPrismaClient(url);
  return {
    url,
    prisma,
    async drop() {
      await prisma.$disconnect();
      await execute(adminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    },
  };
}

export { databaseUrl } from "./urls.ts";
export { holdRowLock, type HeldRowLock } from "./row-lock.ts";
export { waitersOnLocks, type LockWaiter, type LockWaitersReader } from "./lock-waiters.ts";

/** A PostgreSQL server of a test's own, for tests that stop and restart it (fault tests). */
export { startEmbeddedServer, ensureDatabase, type EmbeddedServer } from "../embedded-postgres.ts";
