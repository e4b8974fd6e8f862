/**
 * Counts a suite reports: inputs tried per endpoint, faults injected, rows
 * lost, and how long things took. Each test file writes its counts to the
 * folder test/tally.setup.ts provides; that setup adds them up and prints
 * the totals when the run ends.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    reliabilityTally: string;
  }
}

export interface Counts {
  /** Generated inputs tried, by endpoint or mutation. */
  inputs: Record<string, number>;
  /** Faults injected and verified survived (every check after them passed), by kind. */
  faults: Record<string, number>;
  /** How the inputs were answered: HTTP status → count. */
  statuses: Record<string, number>;
  /** Rows lost, or written in part, by a fault: must stay 0. */
  rowsLost: number;
  /** What took how long, in ms (recovery times and the like). */
  durationsMs: Record<string, number>;
  /** Anything else worth a line in the log (how much load a fault met, ...). */
  notes: string[];
}

export interface Tally extends Counts {
  input(endpoint: string): void;
  status(status: number): void;
  /** Counts a fault of `kind`: call it once the fault's checks have passed, never before. */
  fault(kind: string): void;
}

/** A tally for one test file, written out (and summed up in one line) after its tests. */
export function useTally(file: string): Tally {
  const tally: Tally = {
    inputs: {},
    statuses: {},
    faults: {},
    rowsLost: 0,
    durationsMs: {},
    notes: [],
    input(endpoint) {
      tally.inputs[endpoint] = (tally.inputs[endpoint] ?? 0) + 1;
    },
    status(status) {
      tally.statuses[status] = (tally.statuses[status] ?? 0) + 1;
    },
    fault(kind) {
      tally.faults[kind] = (tally.faults[kind] ?? 0) + 1;
    },
  };
  afterAll(() => {
    const { inputs, statuses, faults, rowsLost, durationsMs, notes } = tally;
    const counts: Counts = { inputs, statuses, faults, rowsLost, durationsMs, notes };
    writeFileSync(join(inject("reliabilityTally"), `${file}.json`), JSON.stringify(counts));
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    const parts = [];
    if (sum(inputs) > 0) {
      const answered = Object.entries(statuses).map(([status, n]) => `${status}×${n}`);
      parts.push(
        `${sum(inputs)} bad inputs over ${Object.keys(inputs).length} endpoints (answers ${answered.join(" ")})`,
      );
    }
    if (sum(faults) > 0) parts.push(`${sum(faults)} faults injected and verified, ${rowsLost} rows lost`);
    const timings = Object.entries(durationsMs).map(([what, ms]) => `${what} ${ms} ms`);
    console.log(`[reliability] ${file}: ${[...parts, ...timings, ...notes].join("; ")}`);
  });
  return tally;
}
