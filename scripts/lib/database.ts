import {
  applyMigrations,
  createPrismaClient,
  seedIfEmpty,
  startDatabase,
  type RunningDatabase,
} from "@shop/db";

/**
 * The shop's database, ready to serve: DATABASE_URL or the embedded
 * PostgreSQL under .data/, every migration applied, and the catalog seeded
 * when it is empty. `pnpm start` and `pnpm dev` both begin here.
 */
export async function readyDatabase(): Promise<RunningDatabase> {
  const database = await startDatabase();
  const applied = await applyMigrations(database.url);
  if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);
  const prisma = createPrismaClient(database.url, { maxConnections: 1 });
  const seeded = await seedIfEmpty(prisma);
  await prisma.$disconnect();
  if (seeded > 0) console.log(`Seeded ${seeded} products into an empty catalog.`);
  return database;
}
