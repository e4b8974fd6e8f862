// pnpm db:seed: the starter catalog, when the products table is empty.
import { createPrismaClient } from "../client.ts";
import { startDatabase } from "../database.ts";
import { applyMigrations } from "../migrations/index.ts";
import { seedIfEmpty } from "../seed.ts";

const database = await startDatabase();
const prisma = createPrismaClient(database.url, { maxConnections: 1 });
try {
  await applyMigrations(database.url);
  const count = await seedIfEmpty(prisma);
  console.log(count > 0 ? `Seeded ${count} products.` : "Products exist already: seed skipped.");
} finally {
  await prisma.$disconnect();
  await database.stop();
}
