import { z } from "zod";

/** Where a service process listens: its public port and host, and its /metrics port and host. */
export interface ListenEnv {
  port: number;
  /** HOST: the public port's address; 127.0.0.1 unless set (containers set 0.0.0.0). */
  host: string;
  /** METRICS_PORT (or <PART>_METRICS_PORT): where /metrics answers. */
  metricsPort: number;
  /** METRICS_HOST: 127.0.0.1 unless set (a container's scraper sets it). */
  metricsHost: string;
}

/** What the service says about itself: its name and default ports (`listenDefaultsOf(name)` from @shop/contracts). */
export interface ListenPart {
  name: string;
  port: number;
  metricsPort: number;
}

const Host = z.string().min(1).max(253);

/** A service's listening addresses: its ports as given, HOST and METRICS_HOST from the environment. */
export function readListenEnv(part: ListenPart, env: NodeJS.ProcessEnv = process.env): ListenEnv {
  const host = Host.safeParse(env.HOST || "127.0.0.1");
  if (!host.success) throw new Error(`HOST must be an address to listen on, got "${env.HOST}"`);
  const metricsHost = Host.safeParse(env.METRICS_HOST || "127.0.0.1");
  if (!metricsHost.success) throw new Error(`METRICS_HOST must be an address, got "${env.METRICS_HOST}"`);
  return { port: part.port, host: host.data, metricsPort: part.metricsPort, metricsHost: metricsHost.data };
}

const ServiceTokenSchema = z
  .string({ message: "SERVICE_TOKEN is not set (pnpm start generates one; see README)" })
  .min(16, "SERVICE_TOKEN must be at least 16 characters");

/** SERVICE_TOKEN, the credential every call between services carries. */
export function readServiceToken(env: NodeJS.ProcessEnv = process.env): string {
  const parsed = ServiceTokenSchema.safeParse(env.SERVICE_TOKEN);
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "SERVICE_TOKEN is invalid");
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
  SERVICE_TOKEN: ServiceTokenSchema,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
});

export interface ServiceEnv extends ListenEnv {
  databaseUrl: string;
  /**
   * DATABASE_DIRECT_URL, else DATABASE_URL: a connection straight to
   * PostgreSQL for what a transaction-mode pooler (PgBouncer) cannot carry:
   * LISTEN, which needs one session for as long as it listens.
   */
  databaseDirectUrl: string;
  adminToken: string;
  serviceToken: string;
  logLevel: z.infer<typeof ServiceEnvSchema>["LOG_LEVEL"];
  /** DATABASE_POOL_MAX: connections this process's pool may open (README: the connection budget). */
  databasePoolMax: number;
}

/**
 * Reads and checks a service's environment once, at start, with messages a
 * person can act on. The service says who it is and where it listens by
 * default (`listenDefaultsOf(name)` from @shop/contracts); this kit knows no service by name.
 */
export function readServiceEnv(part: ListenPart, env: NodeJS.ProcessEnv = process.env): ServiceEnv {
  const parsed = ServiceEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment for ${part.name}:\n${lines.join("\n")}`);
  }
  return {
    ...readListenEnv(part, env),
    databaseUrl: parsed.data.DATABASE_URL,
    databaseDirectUrl: parsed.data.DATABASE_DIRECT_URL ?? parsed.data.DATABASE_URL,
    adminToken: parsed.data.ADMIN_TOKEN,
    serviceToken: parsed.data.SERVICE_TOKEN,
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
