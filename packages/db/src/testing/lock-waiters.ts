/** A backend of the asker's database waiting for a lock, and what it runs. */
export interface LockWaiter {
  pid: number;
  query: string;
}

/**
 * What can ask PostgreSQL: a pg Client, Pool or PoolClient, or a Prisma client
 * (or a Prisma transaction's client).
 */
export type LockWaitersReader =
  { query(text: string): Promise<{ rows: unknown[] }> } | { $queryRawUnsafe(text: string): Promise<unknown> };

// (FROM: a void column is something Prisma cannot read back.)
const CLEAR_SNAPSHOT = "SELECT 1 FROM pg_stat_clear_snapshot()";
// A backend that waits for a lock is running a statement: `state = 'active'`. The
// wait columns are read live, the rest from a copy taken as the read starts, so a
// backend that began its statement and blocked in between shows the wait beside
// its previous statement's text and state ("idle in transaction"); it is left
// for the next look, which sees what it really runs.
const WAITERS = `SELECT pid, query FROM pg_stat_activity
  WHERE datname = current_database() AND wait_event_type = 'Lock' AND state = 'active'
    AND pid <> pg_backend_pid()
  ORDER BY pid`;

/**
 * The backends of this database waiting for a lock right now (the asker's own
 * connection left out): what a race test counts to know its racers overlap.
 *
 * pg_stat_activity is a snapshot, taken at its first read in a transaction and
 * kept until the transaction ends (only the wait columns are read live): asked
 * from inside one (the connection holding the lock the others wait for), it
 * would never list a backend that connected after the first look, nor what a
 * listed one runs now. So every call clears the snapshot first.
 */
export async function waitersOnLocks(db: LockWaitersReader): Promise<LockWaiter[]> {
  if ("$queryRawUnsafe" in db) {
    await db.$queryRawUnsafe(CLEAR_SNAPSHOT);
    return (await db.$queryRawUnsafe(WAITERS)) as LockWaiter[];
  }
  await db.query(CLEAR_SNAPSHOT);
  return (await db.query(WAITERS)).rows as LockWaiter[];
}
