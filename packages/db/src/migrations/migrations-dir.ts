import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ApplyMigrationsInput } from "@prisma/schema-engine-wasm";

type MigrationList = ApplyMigrationsInput["migrationsList"];

const LOCKFILE = "migration_lock.toml";

/** prisma/migrations as the schema engine expects it: the same shape `prisma migrate` builds. */
export function readMigrationsList(baseDir: string): MigrationList {
  const dirs = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  const lockPath = join(baseDir, LOCKFILE);
  return {
    baseDir,
    lockfile: { path: LOCKFILE, content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((path) => {
      const file = join(baseDir, path, "migration.sql");
      return {
        path,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(file)
            ? { tag: "ok" as const, value: readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `${file} is missing` },
        },
      };
    }),
  };
}
