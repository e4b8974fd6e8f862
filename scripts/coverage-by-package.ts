/**
 * The second half of `pnpm test:coverage`: coverage/coverage-summary.json
 * (vitest's json-summary report, one entry per file) summed up per app and
 * package, as one table. The per-file detail is in coverage/index.html.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

interface Count {
  total: number;
  covered: number;
}
type Metric = "lines" | "statements" | "functions" | "branches";
const METRICS: Metric[] = ["lines", "statements", "functions", "branches"];
type FileSummary = Record<Metric, Count>;

const root = fileURLToPath(new URL("..", import.meta.url));
const summaryFile = join(root, "coverage", "coverage-summary.json");
if (!existsSync(summaryFile)) {
  console.error(`${relative(root, summaryFile)} not found: run \`pnpm test:coverage\`.`);
  process.exit(1);
}
const summary = JSON.parse(readFileSync(summaryFile, "utf8")) as Record<string, FileSummary>;

const byPackage = new Map<string, FileSummary>();
const add = (name: string, file: FileSummary) => {
  const sum =
    byPackage.get(name) ??
    (Object.fromEntries(METRICS.map((m) => [m, { total: 0, covered: 0 }])) as FileSummary);
  for (const m of METRICS) {
    sum[m].total += file[m].total;
    sum[m].covered += file[m].covered;
  }
  byPackage.set(name, sum);
};
for (const [file, counts] of Object.entries(summary)) {
  if (file === "total") continue;
  const [group, name] = relative(root, file).split(sep);
  add(`${group}/${name}`, counts);
}

const percent = ({ total, covered }: Count) =>
  total === 0 ? "-" : `${((covered / total) * 100).toFixed(1)}%`;
const rows = [...byPackage.entries()].sort(([a], [b]) => a.localeCompare(b));
const header = ["package", ...METRICS];
const table = [header, ...rows.map(([name, s]) => [name, ...METRICS.map((m) => percent(s[m]))])];
const total = summary.total;
if (total) table.push(["all", ...METRICS.map((m) => percent(total[m]))]);
const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]?.length ?? 0)));
const line = (row: string[]) =>
  row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  ");
console.log(table.map(line).join("\n"));
