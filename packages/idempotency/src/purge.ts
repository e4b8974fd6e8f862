import type { PrismaClient } from "@shop/db";
import type { Logger } from "@shop/service";
import { purgeExpiredKeys } from "./store.ts";

/**
 * Purge expired keys now and then every `everyMs` (default 10 minutes) while
 * the service runs. Expired keys are also ignored on read, so the purge is
 * housekeeping, not correctness. Returns a function that stops it.
 */
export function schedulePurge(db: PrismaClient, log: Logger, everyMs = 10 * 60_000): () => void {
  const run = () =>
    purgeExpiredKeys(db).then(
      (count) => {
        if (count > 0) log.info({ count }, "purged expired idempotency keys");
      },
      (err: unknown) => log.warn({ err }, "could not purge expired idempotency keys"),
    );
  void run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
