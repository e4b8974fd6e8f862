import {
  applyMigrations,
  createPrismaClient,
  dataDir,
  seedIfEmpty,
  startDatabase,
  type RunningDatabase,
} from "@shop/db";
import { join } from "node:path";
import { firstOwner, type FirstOwner } from "./first-owner.ts";

export interface ReadyDatabase {
  database: RunningDatabase;
  /** owner@shop.local, made (and its password kept under the data folder) on a database with no staff. */
  owner: FirstOwner;
}

/**
 * The shop's database, ready to serve: DATABASE_URL or the embedded
 * PostgreSQL under .data/, every migration applied, the catalog seeded
 * when it is empty, and a first owner when there is no staff. `pnpm start`
 * and `pnpm dev` both begin here.
 */
export async function readyDatabase(): Promise<ReadyDatabase> {
  const database = await startDatabase();
  const applied = await applyMigrations(database.url);
  if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);
  const prisma = createPrismaClient(database.url, { maxConnections: 1 });
  try {
    const seeded = await seedIfEmpty(prisma);
    if (seeded > 0) console.log(`Seeded ${seeded} products into an empty catalog.`);
    const owner = await firstOwner(prisma, join(dataDir(), "owner-password"));
    return { database, owner };
  } finally {
    await prisma.$disconnect();
  }
}
