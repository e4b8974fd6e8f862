/**
 * `pnpm db:migrate` and `pnpm db:migration NAME` on the WebAssembly schema
 * engine: what `prisma migrate deploy` and `prisma migrate dev --create-only`
 * do, without downloading a native engine.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { migrationsDir, repoRoot, schemaPath } from "../paths.ts";
import { readMigrationsList } from "./migrations-dir.ts";
import { withSchemaEngine } from "./schema-engine.ts";

const noFilters = { externalTables: [], externalEnums: [] };

function schemaFile() {
  const path = schemaPath();
  return { path: relative(repoRoot(), path), content: readFileSync(path, "utf8") };
}

/**
 * Apply every migration under prisma/migrations that the database has not
 * seen, in order, recording each in `_prisma_migrations` exactly as
 * `prisma migrate deploy` does. Returns the names applied (empty when current).
 */
export async function applyMigrations(url: string, dir = migrationsDir()): Promise<string[]> {
  return withSchemaEngine(url, schemaFile(), async (engine) => {
    const result = await engine.applyMigrations({
      migrationsList: readMigrationsList(dir),
      filters: noFilters,
    });
    return result.appliedMigrationNames;
  });
}

/**
 * The SQL that would take the database at `url` to schema.prisma; an empty
 * string when the two agree (no drift).
 */
export async function diffDatabaseToSchema(url: string): Promise<string> {
  const schema = schemaFile();
  return withSchemaEngine(url, schema, async (engine) => {
    const result = await engine.diff({
      // "The database behind the schema's datasource": the engine reaches it
      // through the driver adapter (URL targets are gone in Prisma 7).
      from: { tag: "schemaDatasource", files: [schema], configDir: repoRoot() },
      to: { tag: "schemaDatamodel", files: [schema] },
      script: true,
      exitCode: true,
      filters: noFilters,
    });
    // With exitCode set, 2 means "there is a difference"; the script of an
    // empty diff is only a comment.
    return result.exitCode === 2 ? (result.stdout ?? "") : "";
  });
}

/**
 * Write prisma/migrations/<timestamp>_<name>/migration.sql: the SQL from the
 * (fully migrated) database at `url` to schema.prisma. Returns the new folder,
 * or undefined when the schema has no change to migrate.
 */
export async function createMigration(
  url: string,
  name: string,
  dir = migrationsDir(),
): Promise<string | undefined> {
  const pending = await applyMigrations(url, dir);
  if (pending.length > 0) console.log(`Applied first: ${pending.join(", ")}`);
  const sql = await diffDatabaseToSchema(url);
  if (!sql.trim()) return undefined;
  const folder = join(dir, `${timestamp(new Date())}_${slug(name)}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "migration.sql"), sql);
  return folder;
}

/** The folder prefix `prisma migrate` uses: UTC yyyyMMddHHmmss. */
function timestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

function slug(name: string): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!cleaned) throw new Error(`"${name}" is not a usable migration name (letters, digits, underscores)`);
  return cleaned;
}
