import pg from "pg";
import { waitersOnLocks } from "./lock-waiters.ts";

export interface HeldRowLock {
  /** Backends of this database waiting for a lock right now (a fresh look each call). */
  waiters(): Promise<number>;
  /** Resolves once at least `count` backends wait (at most `timeoutMs`). */
  untilWaiting(count: number, timeoutMs?: number): Promise<void>;
  /** Commit: the lock goes, and the waiters run. */
  release(): Promise<void>;
}

/**
 * Holds `FOR UPDATE` on one row from a connection of its own (not the app's
 * pool), so a race test can make its racers pile up on the lock and then let
 * them go at once: racers that provably overlap, instead of racers that may
 * happen to run one after another.
 */
export async function holdRowLock(url: string, table: string, id: string): Promise<HeldRowLock> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("BEGIN");
  await client.query(`SELECT 1 FROM ${pg.escapeIdentifier(table)} WHERE id = $1 FOR UPDATE`, [id]);
  const waiters = async () => (await waitersOnLocks(client)).length;
  return {
    waiters,
    async untilWaiting(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while ((await waiters()) < count) {
        if (Date.now() > deadline) throw new Error(`fewer than ${count} backends ever waited for the lock`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async release() {
      try {
        await client.query("COMMIT");
      } finally {
        await client.end();
      }
    },
  };
}
