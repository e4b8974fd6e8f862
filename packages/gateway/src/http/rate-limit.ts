import { getConnInfo } from "@hono/node-server/conninfo";
import { clientIpOf, createLimiter, hit, type HitResult, type Redis } from "@shop/service";
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

/** The client's address behind `trustedHops` proxies of ours (see clientIpOf). */
export function clientIp(c: Context, trustedHops: number): string {
  return clientIpOf(c.req.header("x-forwarded-for"), socketPeer(c), trustedHops);
}

type Limited = Extract<HitResult, { limited: true }>;

/** A GraphQL error body for a refused request, and its Retry-After. */
export function rateLimitedAnswer(perMinute: number, refusal: Limited) {
  const retryAfter = refusal.retryAfterSec;
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
  spendMore(c: Context, points: number): Promise<Limited | undefined>;
}

/**
 * At most `perMinute` points per client IP (a fixed one-minute window,
 * shared through Redis when given: N gateways together allow the limit once;
 * while Redis is down each gateway counts on its own). Over it: 429 with
 * Retry-After, as a GraphQL error body, before any work is done.
 */
export function rateLimit(options: RateLimitOptions): RequestRateLimit {
  const limiter = createLimiter({
    name: "gateway",
    points: options.perMinute,
    durationSec: 60,
    ...(options.redis ? { redis: options.redis } : {}),
  });
  return {
    middleware: async (c, next) => {
      if (options.perMinute === 0) return next();
      const ip = clientIp(c, options.trustedHops);
      const result = await hit(limiter, ip);
      if (!result.limited) return next();
      const { retryAfter, body } = rateLimitedAnswer(options.perMinute, result);
      c.header("Retry-After", String(retryAfter));
      return c.json(body, 429);
    },
    async spendMore(c, points) {
      if (options.perMinute === 0 || points <= 0) return undefined;
      const result = await hit(limiter, clientIp(c, options.trustedHops), points);
      return result.limited ? result : undefined;
    },
  };
}
