import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

export interface RateLimiterOptions {
  /** Names the limit, so limits sharing one store keep apart ("gateway", "orders.lookup"). */
  keyPrefix: string;
  /** How many requests a key may make per window. */
  points: number;
  /** The window, in seconds. */
  durationSeconds: number;
}

/**
 * Every rate limiter of Shop is made here, so where the counts live is
 * decided in one place: in memory today (one process); a shared store for
 * many replicas (Redis when REDIS_URL is set) is a change of this function only.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiterAbstract {
  return new RateLimiterMemory({
    keyPrefix: options.keyPrefix,
    points: options.points,
    duration: options.durationSeconds,
  });
}

/**
 * Take one point for `key`; resolves with undefined when allowed, or with the
 * seconds to wait (at least 1) when the key is over its limit.
 */
export async function consumeOrRetryAfter(
  limiter: RateLimiterAbstract,
  key: string,
): Promise<number | undefined> {
  try {
    await limiter.consume(key);
    return undefined;
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
  }
}
