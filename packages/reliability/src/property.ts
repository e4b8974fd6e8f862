/**
 * Runs a generated-input property against the in-process shop: every input
 * is sent, judged, and the database compared before and after it.
 */
import fc from "fast-check";
import { expect } from "vitest";
import { takeSnapshot } from "./snapshot.ts";
import type { Tally } from "./tally.ts";

function wholeNumberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

/** FC_SEED varies the inputs; by default every run tries the same ones, so CI is reproducible. */
export const SEED = wholeNumberFromEnv("FC_SEED", 20_261_126);
/** Inputs per endpoint (FC_RUNS). */
export const RUNS = wholeNumberFromEnv("FC_RUNS", 200);

/** A seed per property: endpoints do not all walk the same random sequence. */
function seedOf(name: string): number {
  let hash = SEED | 0;
  for (const char of name) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

export interface PropertyContext {
  /** Runs SQL on the database the shop uses (for the before/after snapshots). */
  query(sql: string): Promise<unknown[]>;
  tally: Tally;
}

/**
 * For `RUNS` inputs of `arbitrary`: `judge` sends the input and says what is
 * wrong with the answer (undefined: nothing), and the database must be the
 * same afterwards as before. A failure names the seed and the input, shrunk.
 */
export async function forAllInputs<T>(
  context: PropertyContext,
  name: string,
  arbitrary: fc.Arbitrary<T>,
  judge: (input: T) => Promise<string | undefined>,
): Promise<void> {
  const snapshot = () => takeSnapshot((sql) => context.query(sql));
  const seed = seedOf(name);
  const details = await fc.check(
    fc.asyncProperty(arbitrary, async (input) => {
      context.tally.input(name);
      const before = await snapshot();
      const problem = await judge(input);
      if (problem) throw new Error(problem);
      expect(await snapshot(), "the database changed").toEqual(before);
    }),
    { seed, numRuns: RUNS },
  );
  if (details.failed) {
    // fast-check's own report prints the whole input; a 200 KiB body would bury the reason.
    const input = fc.stringify(details.counterexample);
    const shown = input.length > 1_500 ? `${input.slice(0, 1_500)}… (${input.length} characters)` : input;
    const why =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(
      `${name}: ${why}\n  input (shrunk ${details.numShrinks} times): ${shown}\n` +
        `  replay: FC_SEED=${SEED} (property seed ${seed}, path "${details.counterexamplePath}")`,
    );
  }
}
