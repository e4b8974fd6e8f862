import type { Redis } from "ioredis";
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";

export { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

export interface LimiterOptions {
  /** What it counts, unique per limiter (`gateway`, `sign-in`, `order-lookup`): the Redis key prefix. */
  name: string;
  /** How many hits a key may make per window. */
  points: number;
  /** The window, in seconds. */
  durationSec: number;
  /** Once over, refuse the key for this long (default: the rest of the window). */
  blockDurationSec?: number;
  /** Shared counters for every replica; absent: counted in this process only. */
  redis?: Redis;
  /**
   * While Redis is down: `"per-process"` (default) counts in memory in each
   * process, so N replicas allow up to N times the limit for the outage (fail
   * open, but still bounded); `"refuse"` answers every hit as over the limit
   * (fail closed: for limits that guard credentials, where letting a burst of
   * guesses through is worse than refusing sign-ins for a while).
   */
  whenRedisDown?: "per-process" | "refuse";
}

/**
 * One rate limiter, in memory or shared through Redis: the one way every part
 * of Shop makes one (the gateway's request limit, sign-in and order-lookup
 * limits). `consume(key)` resolves under the limit and rejects with a
 * RateLimiterRes (see `msBeforeNext`) over it.
 */
export function createLimiter(options: LimiterOptions): RateLimiterAbstract {
  const base = {
    keyPrefix: `shop:${options.name}`,
    points: options.points,
    duration: options.durationSec,
    ...(options.blockDurationSec !== undefined ? { blockDuration: options.blockDurationSec } : {}),
  };
  if (!options.redis) return new RateLimiterMemory(base);
  const refuse = options.whenRedisDown === "refuse";
  return new RateLimiterRedis({
    ...base,
    storeClient: options.redis,
    // ioredis without an offline queue fails fast; the insurance limiter takes over.
    ...(refuse ? {} : { insuranceLimiter: new RateLimiterMemory(base) }),
    rejectIfRedisNotReady: true,
  });
}

/** True for the library's "over the limit" answer (anything else a limiter throws is a store error). */
export function isRateLimited(rejection: unknown): rejection is RateLimiterRes {
  return rejection instanceof RateLimiterRes;
}

export type HitResult =
  | { limited: false }
  | {
      limited: true;
      retryAfterSec: number;
      /** The store failed (Redis down, `"refuse"`): log it. */ storeError?: Error;
    };

/**
 * Counts one hit for `key`: not limited, or limited with the seconds until it
 * may try again. A store error (Redis down with `whenRedisDown: "refuse"`)
 * counts as limited for a second.
 */
export async function hit(limiter: RateLimiterAbstract, key: string, points = 1): Promise<HitResult> {
  try {
    await limiter.consume(key, points);
    return { limited: false };
  } catch (rejection) {
    if (isRateLimited(rejection)) {
      return { limited: true, retryAfterSec: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
    const storeError = rejection instanceof Error ? rejection : new Error(String(rejection));
    return { limited: true, retryAfterSec: 1, storeError };
  }
}
