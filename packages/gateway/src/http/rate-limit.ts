import { getConnInfo } from "@hono/node-server/conninfo";
import { clientIpOf, createLimiter, hit, type Redis } from "@shop/service";
import type { Context, MiddlewareHandler } from "hono";

export interface RateLimitOptions {
  perMinute: number;
  /** How many proxies of ours stand in front (TRUST_PROXY); 0: X-Forwarded-For is ignored. */
  trustedHops: number;
  /** Count in Redis, shared by every gateway replica; absent: in this process. */
  redis?: Redis;
}

function socketPeer(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // no socket: an in-process request (tests)
  }
}

/**
 * At most `perMinute` requests per client IP (a fixed one-minute window,
 * shared through Redis when given: N gateways together allow the limit once;
 * while Redis is down each gateway counts on its own). Over it: 429 with
 * Retry-After, as a GraphQL error body, before any work is done.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const limiter = createLimiter({
    name: "gateway",
    points: options.perMinute,
    durationSec: 60,
    ...(options.redis ? { redis: options.redis } : {}),
  });
  return async (c, next) => {
    if (options.perMinute === 0) return next();
    const ip = clientIpOf(c.req.header("x-forwarded-for"), socketPeer(c), options.trustedHops);
    const result = await hit(limiter, ip);
    if (!result.limited) return next();
    c.header("Retry-After", String(result.retryAfterSec));
    return c.json(
      {
        errors: [
          {
            message: `Too many requests: at most ${options.perMinute} a minute. Retry in ${result.retryAfterSec} s.`,
            extensions: { code: "RATE_LIMITED" },
          },
        ],
      },
      429,
    );
  };
}
