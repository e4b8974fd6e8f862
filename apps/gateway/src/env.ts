import type { ServiceUrls } from "@shop/gateway";
import { listenDefaultsOf, portOf } from "@shop/contracts";
import { readListenEnv, readServiceToken, type ListenEnv } from "@shop/service";
import { z } from "zod";

export interface GatewayEnv extends ListenEnv {
  /** SERVICE_TOKEN: sent on every call to a service. */
  serviceToken: string;
  /** NODE_ENV=production: no introspection, field suggestions or GraphiQL. */
  production: boolean;
  /** DATABASE_URL: where staff accounts, sessions and the audit log live; staff sign-in is off without it. */
  databaseUrl: string | undefined;
  /**
   * DATABASE_DIRECT_URL, else DATABASE_URL: a connection straight to PostgreSQL
   * (not PgBouncer) to LISTEN for product changes; catalog pages are kept
   * only with it. Unset with no DATABASE_URL.
   */
  databaseDirectUrl: string | undefined;
  /** ADMIN_TOKEN: its bearer is the machine actor here too (staff management, the audit log). */
  adminToken: string | undefined;
  /** STAFF_SESSION_IDLE_MINUTES, in ms: an unused session ends after this long (30 minutes by default). */
  sessionIdleMs: number;
  serviceUrls: ServiceUrls;
  /** A service call that takes longer fails with a GraphQL error instead of hanging. */
  serviceTimeoutMs: number;
  /** Browser origins allowed by CORS: the web shop and the admin SPA. */
  corsOrigins: string[];
  /** Requests per minute per client IP; 0 turns the limit off (benchmarks). */
  rateLimitPerMinute: number;
  /** TRUST_PROXY: how many proxies of ours stand in front; the client IP is the X-Forwarded-For entry before them (0: the header is ignored). */
  trustedProxyHops: number;
  /** REDIS_URL: share the rate limit with every gateway replica; unset: counted in this process. */
  redisUrl?: string;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
}

const Schema = z.object({
  INVENTORY_URL: z.url().optional(),
  ORDERS_URL: z.url().optional(),
  PAYMENTS_URL: z.url().optional(),
  SERVICE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3_000),
  GATEWAY_CORS_ORIGINS: z.string().optional(),
  GATEWAY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(1_200),
  TRUST_PROXY: z.coerce
    .number({ message: "TRUST_PROXY must be the number of proxies in front of the gateway (0, 1, 2 ...)" })
    .int()
    .min(0)
    .max(10)
    .default(0),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "REDIS_URL must be a redis:// or rediss:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NODE_ENV: z.string().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL")
    .optional(),
  DATABASE_DIRECT_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_DIRECT_URL must be a postgresql:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  ADMIN_TOKEN: z.string().min(16, "ADMIN_TOKEN must be at least 16 characters").optional(),
  STAFF_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
});

const local = (port: number) => `http://127.0.0.1:${port}`;

/** The gateway's environment, read and checked once at start. */
export function readGatewayEnv(env: NodeJS.ProcessEnv = process.env): GatewayEnv {
  const parsed = Schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment for the gateway:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const webPort = portOf("web", env);
  const adminPort = portOf("admin", env);
  return {
    ...readListenEnv(listenDefaultsOf("gateway", env), env),
    serviceToken: readServiceToken(env),
    databaseUrl: e.DATABASE_URL,
    databaseDirectUrl: e.DATABASE_DIRECT_URL ?? e.DATABASE_URL,
    adminToken: e.ADMIN_TOKEN,
    sessionIdleMs: e.STAFF_SESSION_IDLE_MINUTES * 60_000,
    serviceUrls: {
      inventory: e.INVENTORY_URL ?? local(portOf("inventory", env)),
      orders: e.ORDERS_URL ?? local(portOf("orders", env)),
      payments: e.PAYMENTS_URL ?? local(portOf("payments", env)),
    },
    serviceTimeoutMs: e.SERVICE_TIMEOUT_MS,
    corsOrigins: e.GATEWAY_CORS_ORIGINS
      ? e.GATEWAY_CORS_ORIGINS.split(",").map((o) => o.trim())
      : [webPort, adminPort].flatMap((p) => [`http://localhost:${p}`, `http://127.0.0.1:${p}`]),
    rateLimitPerMinute: e.GATEWAY_RATE_LIMIT_PER_MINUTE,
    trustedProxyHops: e.TRUST_PROXY,
    ...(e.REDIS_URL ? { redisUrl: e.REDIS_URL } : {}),
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === "production",
  };
}
