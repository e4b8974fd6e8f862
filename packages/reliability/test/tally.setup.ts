/**
 * Vitest globalSetup of the reliability project: a folder for each test
 * file's counts (src/tally.ts), summed up and printed once the run ends, so
 * a CI log shows how many inputs were tried and faults injected.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import type { Counts } from "../src/tally.ts";

export default function setup(project: TestProject): () => void {
  const folder = mkdtempSync(join(tmpdir(), "shop-reliability-"));
  project.provide("reliabilityTally", folder);
  return () => {
    const files = readdirSync(folder).filter((f) => f.endsWith(".json"));
    const all = files.map((f) => JSON.parse(readFileSync(join(folder, f), "utf8")) as Counts);
    rmSync(folder, { recursive: true, force: true });
    if (all.length === 0) return;
    const sum = (pick: (c: Counts) => Record<string, number>) =>
      all.reduce((total, c) => total + Object.values(pick(c)).reduce((a, b) => a + b, 0), 0);
    const endpoints = new Set(all.flatMap((c) => Object.keys(c.inputs)));
    const rowsLost = all.reduce((total, c) => total + c.rowsLost, 0);
    const statuses: Record<string, number> = {};
    for (const c of all) {
      for (const [status, n] of Object.entries(c.statuses)) statuses[status] = (statuses[status] ?? 0) + n;
    }
    const parts: string[] = [];
    if (endpoints.size > 0) {
      const answered = Object.entries(statuses).map(([status, n]) => `${status}×${n}`);
      parts.push(
        `${sum((c) => c.inputs)} bad inputs tried over ${endpoints.size} endpoints and mutations (answers ${answered.join(" ")})`,
      );
    }
    const faults = sum((c) => c.faults);
    if (faults > 0) parts.push(`${faults} faults injected and verified, ${rowsLost} rows lost`);
    console.log(`[reliability] total: ${parts.join("; ")}`);
  };
}
