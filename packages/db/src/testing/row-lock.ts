import pg from "pg";

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
  const waiters = async () => {
    // pg_stat_activity is a snapshot taken at its first read in a transaction: clear it.
    await client.query("SELECT pg_stat_clear_snapshot()");
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
    );
    return rows[0]?.n ?? 0;
  };
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
