import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export interface RateLimitOptions {
  perMinute: number;
  /** Take the client IP from X-Forwarded-For (only behind a proxy you run). */
  trustProxy: boolean;
}

function clientIp(c: Context, trustProxy: boolean): string {
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

/**
 * At most `perMinute` requests per client IP (a fixed one-minute window, in
 * memory: one gateway process). Over it: 429 with Retry-After, as a GraphQL
 * error body, before any work is done.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const limiter = new RateLimiterMemory({ points: options.perMinute, duration: 60 });
  return async (c, next) => {
    if (options.perMinute === 0) return next();
    try {
      await limiter.consume(clientIp(c, options.trustProxy));
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      c.header("Retry-After", String(retryAfter));
      return c.json(
        {
          errors: [
            {
              message: `Too many requests: at most ${options.perMinute} a minute. Retry in ${retryAfter} s.`,
              extensions: { code: "RATE_LIMITED" },
            },
          ],
        },
        429,
      );
    }
    return next();
  };
}
