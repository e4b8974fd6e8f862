import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Set and read inside the tooling itself, never by a person: not for .env.example. */
const INTERNAL = new Set(["CI", "PATH", "PRISMA_HIDE_UPDATE_MESSAGE", "PRISMA_SCHEMA_ENGINE_BINARY"]);
const SKIP = new Set(["node_modules", "dist", "generated", "gql", "test", ".data", "coverage"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * Every environment variable the code reads: `process.env.X` and `env.X`,
 * Vite's `import.meta.env` (the VITE_ names), the keys of the zod env schemas (`X: z.`), and
 * `<PART>_PORT` for every part in @shop/contracts' DEFAULT_PORTS.
 */
export function variablesTheCodeReads(root: string): Set<string> {
  const files = ["apps", "packages", "scripts", "e2e"].flatMap((dir) => sourceFiles(join(root, dir)));
  files.push(join(root, "playwright.config.ts"));
  const names = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/\benv\.([A-Z][A-Z0-9_]+)\b/g)) names.add(m[1]!);
    for (const m of text.matchAll(/^\s+([A-Z][A-Z0-9_]{2,}): z\b/gm)) names.add(m[1]!);
    if (file.endsWith(join("contracts", "src", "ports.ts"))) {
      const ports = /DEFAULT_PORTS = \{([^}]*)\}/.exec(text)?.[1] ?? "";
      for (const m of ports.matchAll(/(\w+):/g)) names.add(`${m[1]!.toUpperCase()}_PORT`);
    }
  }
  for (const name of INTERNAL) names.delete(name);
  return names;
}

/** The names .env.example lists, set (`X=`) or commented out (`# X=`). */
export function variablesListed(envExample: string): Set<string> {
  return new Set([...envExample.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!));
}
