import { cpus, platform, release, totalmem } from "node:os";
import type { Measurement } from "./load.ts";

export interface Row {
  name: string;
  measurement: Measurement;
  /** The row this one is compared with; its throughput is the 100%. */
  baseline?: string;
  /** The target as a share of the baseline, e.g. 0.6. */
  target?: number;
  /** A latency goal: p95 at most this many ms. */
  p95GoalMs?: number;
  /** µs of CPU one request cost each process (cpu.ts). */
  cpuUs?: Array<[string, number]>;
}

/** Failed requests and non-2xx answers; in a flash sale only 5xx (its 409s are the buyers who came too late). */
function errorsOf(m: Measurement): number {
  if (m.check === undefined) return m.errors + m.non2xx;
  const fiveXx = Object.entries(m.statusCodes ?? {}).filter(([code]) => code.startsWith("5"));
  return m.errors + fiveXx.reduce((sum, [, n]) => sum + n, 0);
}

/** "Gateway 950, Inventory 610, ...": the processes a request cost most first. */
const cpuText = (cpu: Array<[string, number]> | undefined) =>
  (cpu ?? [])
    .toSorted((a, b) => b[1] - a[1])
    .map(([name, us]) => `${name} ${fmt(us)}`)
    .join(", ");

const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The table, as Markdown, with the machine it ran on. */
export function renderReport(
  rows: Row[],
  options: {
    connections: number;
    durationS: number;
    products: number | string;
    /** Peak MiB per process over the run, and each one's RSS once started (before any load). */
    memory?: { peaks: Map<string, number>; atStart: Map<string, number> };
    /** What the run showed, in a few lines (Markdown), written by hand. */
    findings?: string;
  },
): string {
  const byName = new Map(rows.map((r) => [r.name, r]));
  const cpu = cpus();
  const lines = [
    "# Benchmark results",
    "",
    `Run ${new Date().toISOString()} by \`pnpm bench\`: ${options.connections} concurrent connections for every row, ` +
      `${options.durationS} s each, a catalog of ${options.products} products, on ${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}, ` +
      `${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()} ${release()}, Node ${process.version}, the embedded PostgreSQL 18. ` +
      "The load generator, the services and the database share the machine.",
    "",
    "| path | req/s | p50 ms | p95 ms | p99 ms | errors | of baseline | target | CPU µs per request |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  ];
  for (const row of rows) {
    const m = row.measurement;
    const base = row.baseline ? byName.get(row.baseline) : undefined;
    const ratio = base ? m.rps / base.measurement.rps : undefined;
    const ratioText = ratio === undefined ? "baseline" : `${fmt(ratio * 100)}% of ${row.baseline}`;
    const targets = [
      row.target === undefined || ratio === undefined
        ? ""
        : `≥ ${fmt(row.target * 100)}% ${ratio >= row.target ? "✅" : "❌"}`,
      row.p95GoalMs === undefined
        ? ""
        : `p95 ≤ ${row.p95GoalMs} ms ${m.p95Ms <= row.p95GoalMs ? "✅" : "❌"}`,
      m.check ?? "",
    ].filter(Boolean);
    lines.push(
      `| ${row.name} | ${fmt(m.rps)} | ${fmt(m.p50Ms, 1)} | ${fmt(m.p95Ms, 1)} | ${fmt(m.p99Ms, 1)} | ${fmt(errorsOf(m))} | ${ratioText} | ${targets.join(", ")} | ${cpuText(row.cpuUs)} |`,
    );
  }
  if (options.memory && options.memory.peaks.size > 0) {
    const { peaks, atStart } = options.memory;
    lines.push(
      "",
      "Memory: each Node process's RSS once started (before any load) and its peak over the whole run (the 100,000-product catalog loaded for the last rows, and at the end read whole once through `GET /products` and once through `Query.products`, which Inventory sends as PostgreSQL writes it and the gateway answers slice by slice, neither holding it); PostgreSQL's PSS summed over its processes (shared memory counted once).",
      "",
      "| process | started MiB | peak MiB |",
      "| --- | ---: | ---: |",
      ...[...peaks].map(([name, mib]) => `| ${name} | ${fmt(atStart.get(name) ?? 0)} | ${fmt(mib)} |`),
    );
  }
  if (options.findings) lines.push("", options.findings.trim());
  return `${lines.join("\n")}\n`;
}
