import { z } from "zod";

/** The default port of every part of Shop; each is overridable by env (`INVENTORY_PORT`, ...). */
export const DEFAULT_PORTS = {
  gateway: 4000,
  inventory: 4001,
  orders: 4002,
  payments: 4003,
  web: 5173,
  admin: 5174,
} as const;
export type ShopPart = keyof typeof DEFAULT_PORTS;

const Port = z.coerce.number().int().min(0).max(65_535);

/** The port a part listens on: `<PART>_PORT` or its default. */
export function portOf(part: ShopPart, env: NodeJS.ProcessEnv = process.env): number {
  const name = `${part.toUpperCase()}_PORT`;
  const raw = env[name];
  if (raw === undefined || raw === "") return DEFAULT_PORTS[part];
  const parsed = Port.safeParse(raw);
  if (!parsed.success) throw new Error(`${name} must be a port number, got "${raw}"`);
  return parsed.data;
}

const ServiceEnvSchema = z.object({
  DATABASE_URL: z
    .string({ message: "DATABASE_URL is not set (pnpm start sets it; see README)" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  ADMIN_TOKEN: z
    .string({ message: "ADMIN_TOKEN is not set (pnpm start generates one; see README)" })
    .min(16, "ADMIN_TOKEN must be at least 16 characters"),
  DATABASE_DIRECT_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_DIRECT_URL must be a postgresql:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
});

export interface ServiceEnv {
  port: number;
  databaseUrl: string;
  /**
   * DATABASE_DIRECT_URL, else DATABASE_URL: a connection straight to
   * PostgreSQL for what a transaction-mode pooler (PgBouncer) cannot carry:
   * LISTEN, which needs one session for as long as it listens.
   */
  databaseDirectUrl: string;
  adminToken: string;
  logLevel: z.infer<typeof ServiceEnvSchema>["LOG_LEVEL"];
  /** DATABASE_POOL_MAX: connections this process's pool may open (README: the connection budget). */
  databasePoolMax: number;
}

/** Reads and checks a service's environment once, at start, with messages a person can act on. */
export function readServiceEnv(part: ShopPart, env: NodeJS.ProcessEnv = process.env): ServiceEnv {
  const parsed = ServiceEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment for ${part}:\n${lines.join("\n")}`);
  }
  return {
    port: portOf(part, env),
    databaseUrl: parsed.data.DATABASE_URL,
    databaseDirectUrl: parsed.data.DATABASE_DIRECT_URL ?? parsed.data.DATABASE_URL,
    adminToken: parsed.data.ADMIN_TOKEN,
    logLevel: parsed.data.LOG_LEVEL,
    databasePoolMax: parsed.data.DATABASE_POOL_MAX,
  };
}

const ShutdownEnvSchema = z.object({
  SHUTDOWN_DRAIN_DELAY_MS: z.coerce.number().int().min(0).max(120_000).default(0),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(300_000).default(10_000),
});

export interface ShutdownEnv {
  /** How long /readyz fails before the listener closes (a load balancer's checks must see it). */
  drainDelayMs: number;
  /** How long in-flight requests may then take before their connections are cut. */
  drainTimeoutMs: number;
}

/** How every part drains on SIGTERM; the same variables for services and gateway. */
export function readShutdownEnv(env: NodeJS.ProcessEnv = process.env): ShutdownEnv {
  const parsed = ShutdownEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid shutdown settings:\n${lines.join("\n")}`);
  }
  return {
    drainDelayMs: parsed.data.SHUTDOWN_DRAIN_DELAY_MS,
    drainTimeoutMs: parsed.data.SHUTDOWN_TIMEOUT_MS,
  };
}
