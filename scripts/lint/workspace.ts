import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = (): string => fileURLToPath(new URL("../..", import.meta.url));

/** The workspace packages under `dir` (apps or packages): folders holding a package.json, sorted. */
export function workspaceDirs(dir: "apps" | "packages"): string[] {
  const base = join(repoRoot(), dir);
  return readdirSync(base, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(base, e.name, "package.json")))
    .map((e) => e.name)
    .sort();
}
