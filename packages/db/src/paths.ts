import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: the folder holding pnpm-workspace.yaml above this package. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "pnpm-workspace.yaml"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("pnpm-workspace.yaml not found above packages/db");
    dir = parent;
  }
  return dir;
}

export const schemaPath = (): string => join(repoRoot(), "prisma", "schema.prisma");
export const migrationsDir = (): string => join(repoRoot(), "prisma", "migrations");
/**
 * Local state of a development machine: the embedded database, the admin
 * token. Never committed. SHOP_DATA_DIR moves it (the browser suites run a
 * stack of their own beside a developer's).
 */
export const dataDir = (): string => process.env.SHOP_DATA_DIR ?? join(repoRoot(), ".data");
