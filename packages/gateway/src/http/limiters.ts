import { RateLimiterMemory, type RateLimiterAbstract } from "rate-limiter-flexible";

/**
 * Every rate limiter of the gateway is made here, so that where the counts
 * live is decided in one place: in this process's memory today; a store
 * shared by every replica (Redis, when REDIS_URL is set) replaces it here.
 */
export interface LimiterSpec {
  /** Names the counter (kept apart from the others in a shared store). */
  keyPrefix: string;
  /** How many points a key may spend per window. */
  points: number;
  /** The window, in seconds. */
  durationSeconds: number;
  /** Once over, how long the key stays refused, in seconds (0: until the window ends). */
  blockSeconds?: number;
}

export function makeLimiter(spec: LimiterSpec): RateLimiterAbstract {
  return new RateLimiterMemory({
    keyPrefix: spec.keyPrefix,
    points: spec.points,
    duration: spec.durationSeconds,
    blockDuration: spec.blockSeconds ?? 0,
  });
}
