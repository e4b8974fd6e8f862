import type { Redis } from "ioredis";
import type { Logger } from "pino";

export type { Redis } from "ioredis";

/**
 * One Redis connection for a process's shared counters (rate limits).
 * Commands fail at once while it is disconnected (no offline queue), so a
 * Redis outage costs a request nothing but the fallback the caller chose;
 * ioredis reconnects on its own, with a growing delay up to 2 s.
 *
 * ioredis is loaded here, when a process has a Redis to use: loaded by every
 * process that imports this package, it held ~9 MiB in each, Inventory and
 * Payments (which never use Redis) included.
 */
export async function connectRedis(url: string, log: Logger): Promise<Redis> {
  const { Redis } = await import("ioredis");
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
  });
  let up = false;
  redis.on("ready", () => {
    up = true;
    log.info({ redis: redactedUrl(url) }, "rate limits shared through Redis");
  });
  redis.on("error", (err: Error) => {
    // ioredis emits one per failed reconnect; say it once per outage.
    if (up || redis.status === "connecting")
      log.warn({ err: err.message }, "Redis unreachable; limits per process");
    up = false;
  });
  return redis;
}

/** The URL without its password, for logs. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparsable REDIS_URL)";
  }
}
