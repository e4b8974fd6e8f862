import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { RateLimiterRes } from "rate-limiter-flexible";
import { makeLimiter } from "./limiters.ts";

export interface RateLimitOptions {
  perMinute: number;
  /** Take the client IP from X-Forwarded-For (only behind a proxy you run). */
  trustProxy: boolean;
}

export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // no socket: an in-process request (tests)
  }
}

/** A GraphQL error body for a refused request, and its Retry-After. */
export function rateLimitedAnswer(perMinute: number, rejection: RateLimiterRes) {
  const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
  return {
    retryAfter,
    body: {
      errors: [
        {
          message: `Too many requests: at most ${perMinute} a minute. Retry in ${retryAfter} s.`,
          extensions: { code: "RATE_LIMITED" },
        },
      ],
    },
  };
}

export interface RequestRateLimit {
  /** One point per request, before any work is done. */
  middleware: MiddlewareHandler;
  /**
   * The points beyond the first a request spends once its operation is known:
   * a mutation with 50 `placeOrder` aliases costs 50, not 1. Resolves with
   * the refusal when the client is over its limit.
   */
  spendMore(req: Request, points: number): Promise<RateLimiterRes | undefined>;
}

/**
 * At most `perMinute` points per client IP (a fixed one-minute window, see
 * limiters.ts for where the counts live). Over it: 429 with Retry-After, as a
 * GraphQL error body, before any work is done.
 */
export function rateLimit(options: RateLimitOptions): RequestRateLimit {
  const limiter = makeLimiter({
    keyPrefix: "gateway-requests",
    points: options.perMinute,
    durationSeconds: 60,
  });
  const keys = new WeakMap<Request, string>();
  return {
    middleware: async (c, next) => {
      if (options.perMinute === 0) return next();
      const key = clientIp(c, options.trustProxy);
      keys.set(c.req.raw, key);
      try {
        await limiter.consume(key);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const { retryAfter, body } = rateLimitedAnswer(options.perMinute, rejection);
        c.header("Retry-After", String(retryAfter));
        return c.json(body, 429);
      }
      return next();
    },
    async spendMore(req, points) {
      const key = keys.get(req);
      if (options.perMinute === 0 || key === undefined || points <= 0) return undefined;
      try {
        await limiter.consume(key, points);
        return undefined;
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return rejection;
        throw rejection;
      }
    },
  };
}
