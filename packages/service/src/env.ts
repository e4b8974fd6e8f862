import { z } from "zod";

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

/**
 * Reads and checks a service's environment once, at start, with messages a
 * person can act on. The service says who it is and where it listens by
 * default (`portOf(name)` from @shop/contracts); this kit knows no service by name.
 */
export function readServiceEnv(
  part: { name: string; port: number },
  env: NodeJS.ProcessEnv = process.env,
): ServiceEnv {
  const parsed = ServiceEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment for ${part.name}:\n${lines.join("\n")}`);
  }
  return {
    port: part.port,
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
