// pnpm db:migrate: apply pending migrations to the shop's database (DATABASE_URL or the embedded one).
import { applyMigrations } from "../migrations/index.ts";
import { startDatabase } from "../database.ts";

const database = await startDatabase();
try {
  const applied = await applyMigrations(database.url);
  console.log(applied.length > 0 ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
} finally {
  await database.stop();
}
