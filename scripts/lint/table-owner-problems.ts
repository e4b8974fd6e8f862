/**
 * One owner per table: only a table's owner (packages/db/src/table-owners.ts)
 * writes it, by SQL (`INSERT INTO`, `UPDATE`, `DELETE FROM`) or through
 * Prisma's model delegates (`tx.product.update(...)`). Reads are not
 * checked: a join across owners is a query, not a change of another's data.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { mayWrite, TABLE_OWNERS, tablesWrittenBy } from "../../packages/db/src/table-owners.ts";

const SOURCE = /\.(?:[cm]?[jt]sx?)$/;
const SKIPPED_DIRS = new Set(["node_modules", "dist", "generated", "coverage"]);
const PRISMA_WRITES =
  "create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany";

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return SKIPPED_DIRS.has(e.name) ? [] : sourceFiles(path);
    return e.isFile() && SOURCE.test(e.name) ? [path] : [];
  });
}

/** Prisma's delegate name (model Product → `product`) of every table schema.prisma maps. */
function delegates(schema: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const [, model, body] of schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const table = /@@map\("([^"]+)"\)/.exec(body!)?.[1];
    if (table) map.set(model!.charAt(0).toLowerCase() + model!.slice(1), table);
  }
  return map;
}

/** Every write of a table by a package that does not own it, and every table with no owner, one line each. */
export function tableOwnerProblems(root: string, owners = TABLE_OWNERS): string[] {
  const problems: string[] = [];
  const byDelegate = delegates(readFileSync(join(root, "prisma", "schema.prisma"), "utf8"));
  for (const table of byDelegate.values()) {
    if (!owners[table])
      problems.push(`prisma/schema.prisma: the table ${table} has no owner in TABLE_OWNERS`);
  }
  const delegateWrite = new RegExp(`\\.(${[...byDelegate.keys()].join("|")})\\.(?:${PRISMA_WRITES})\\(`, "g");
  const tables = new Set(byDelegate.values());

  for (const kind of ["apps", "packages"]) {
    const base = join(root, kind);
    if (!existsSync(base)) continue;
    for (const pkg of readdirSync(base)) {
      for (const file of sourceFiles(join(base, pkg, "src"))) {
        const text = readFileSync(file, "utf8");
        const written = [
          ...tablesWrittenBy(text),
          ...[...text.matchAll(delegateWrite)].map((m) => byDelegate.get(m[1]!)!),
        ];
        for (const table of new Set(written)) {
          // Words after UPDATE that are not tables (a CTE, a variable) are not writes of one.
          if (tables.has(table) && !mayWrite(pkg, table, owners)) {
            const owner = owners[table]?.owner ?? "no one";
            problems.push(`${relative(root, file)}: writes ${table}, which ${owner} owns`);
          }
        }
      }
    }
  }
  return problems;
}
