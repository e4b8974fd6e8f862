import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { consumeOrRetryAfter, createRateLimiter } from "@shop/service";

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
  const limiter = createRateLimiter({ keyPrefix: "gateway", points: options.perMinute, durationSeconds: 60 });
  return async (c, next) => {
    if (options.perMinute === 0) return next();
    const retryAfter = await consumeOrRetryAfter(limiter, clientIp(c, options.trustProxy));
    if (retryAfter !== undefined) {
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
