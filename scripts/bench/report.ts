import { cpus, platform, release, totalmem } from "node:os";
import type { Measurement } from "./load.ts";

export interface Row {
  name: string;
  measurement: Measurement;
  /** The row this one is compared with; its throughput is the 100%. */
  baseline?: string;
  /** The target as a share of the baseline, e.g. 0.6. */
  target?: number;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The table, as Markdown, with the machine it ran on. */
export function renderReport(
  rows: Row[],
  options: { connections: number; durationS: number; products: number },
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
    "| path | req/s | p50 ms | p99 ms | errors | of baseline | target |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const row of rows) {
    const m = row.measurement;
    const base = row.baseline ? byName.get(row.baseline) : undefined;
    const ratio = base ? m.rps / base.measurement.rps : undefined;
    const ratioText = ratio === undefined ? "baseline" : `${fmt(ratio * 100)}% of ${row.baseline}`;
    const targetText =
      row.target === undefined || ratio === undefined
        ? ""
        : `≥ ${fmt(row.target * 100)}% ${ratio >= row.target ? "✅" : "❌"}`;
    lines.push(
      `| ${row.name} | ${fmt(m.rps)} | ${fmt(m.p50Ms, 1)} | ${fmt(m.p99Ms, 1)} | ${fmt(m.errors + m.non2xx)} | ${ratioText} | ${targetText} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}
