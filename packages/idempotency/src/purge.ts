import type { PrismaClient } from "@shop/db";
import type { Logger } from "@shop/service";
import { purgeExpiredKeys } from "./store.ts";

/** Every Orders and Payments replica purges the one table: the lock they share. */
export const PURGE_LOCK = "shop:idempotency-purge";

export type PurgeRun = { ran: true; count: number } | { ran: false };

/**
 * One purge, in at most one replica at a time: inside a transaction, try the
 * purge's advisory lock without waiting; a replica that finds it held skips
 * this round (another is purging the same rows). A transaction-scoped lock,
 * not a session one: it is released with the transaction even if the process
 * dies, and it holds behind PgBouncer in transaction mode, where a session
 * lock would stay on a pooled server connection someone else gets next.
 */
export async function purgeInOneReplica(db: PrismaClient, now = new Date()): Promise<PurgeRun> {
  return db.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<Array<{ acquired: boolean }>>`
        SELECT pg_try_advisory_xact_lock(hashtextextended(${PURGE_LOCK}, 0)) AS acquired`;
      if (!row?.acquired) return { ran: false } as const;
      return { ran: true, count: await purgeExpiredKeys(tx, now) } as const;
    },
    { timeout: 60_000 },
  );
}

/**
 * Purge expired keys now and then every `everyMs` (default 10 minutes) while
 * the service runs, one replica at a time. Expired keys are also ignored on
 * read, so the purge is housekeeping, not correctness. Returns a function
 * that stops it.
 */
export function schedulePurge(db: PrismaClient, log: Logger, everyMs = 10 * 60_000): () => void {
  const run = () =>
    purgeInOneReplica(db).then(
      (result) => {
        if (!result.ran) log.debug("another replica is purging idempotency keys; skipped");
        else if (result.count > 0) log.info({ count: result.count }, "purged expired idempotency keys");
      },
      (err: unknown) => log.warn({ err }, "could not purge expired idempotency keys"),
    );
  void run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
