// pnpm db:migration NAME: write prisma/migrations/<timestamp>_NAME/migration.sql
// from the difference between the migrated database and prisma/schema.prisma.
import { relative } from "node:path";
import { createMigration } from "../migrations/index.ts";
import { startDatabase } from "../database.ts";
import { repoRoot } from "../paths.ts";

const name = process.argv[2];
if (!name) {
  console.error("usage: pnpm db:migration NAME   (e.g. pnpm db:migration add_sku_to_products)");
  process.exit(2);
}
const database = await startDatabase();
try {
  const folder = await createMigration(database.url, name);
  if (folder) {
    console.log(`Wrote ${relative(repoRoot(), folder)}/migration.sql: review it, then pnpm db:migrate.`);
  } else {
    console.log("schema.prisma and the migrations agree: nothing to write.");
  }
} finally {
  await database.stop();
}
