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

/** Where each part serves /metrics, on loopback unless METRICS_HOST says otherwise: never the public port. */
export const DEFAULT_METRICS_PORTS = {
  gateway: 9400,
  inventory: 9401,
  orders: 9402,
  payments: 9403,
} as const;
export type ServicePart = keyof typeof DEFAULT_METRICS_PORTS;

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

const Host = z.string().min(1).max(253);

/** A service's listening addresses from HOST, <PART>_PORT, METRICS_PORT / <PART>_METRICS_PORT, METRICS_HOST. */
export function readListenEnv(part: ServicePart, env: NodeJS.ProcessEnv = process.env): ListenEnv {
  const metricsName = env.METRICS_PORT ? "METRICS_PORT" : `${part.toUpperCase()}_METRICS_PORT`;
  const rawMetrics = env[metricsName];
  let metricsPort: number = DEFAULT_METRICS_PORTS[part];
  if (rawMetrics !== undefined && rawMetrics !== "") {
    const parsed = Port.safeParse(rawMetrics);
    if (!parsed.success) throw new Error(`${metricsName} must be a port number, got "${rawMetrics}"`);
    metricsPort = parsed.data;
  }
  const host = Host.safeParse(env.HOST || "127.0.0.1");
  if (!host.success) throw new Error(`HOST must be an address to listen on, got "${env.HOST}"`);
  const metricsHost = Host.safeParse(env.METRICS_HOST || "127.0.0.1");
  if (!metricsHost.success) throw new Error(`METRICS_HOST must be an address, got "${env.METRICS_HOST}"`);
  return { port: portOf(part, env), host: host.data, metricsPort, metricsHost: metricsHost.data };
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
  SERVICE_TOKEN: ServiceTokenSchema,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
});

export interface ServiceEnv extends ListenEnv {
  databaseUrl: string;
  adminToken: string;
  serviceToken: string;
  logLevel: z.infer<typeof ServiceEnvSchema>["LOG_LEVEL"];
  databasePoolMax: number;
}

/** Reads and checks a service's environment once, at start, with messages a person can act on. */
export function readServiceEnv(part: ServicePart, env: NodeJS.ProcessEnv = process.env): ServiceEnv {
  const parsed = ServiceEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment for ${part}:\n${lines.join("\n")}`);
  }
  return {
    ...readListenEnv(part, env),
    databaseUrl: parsed.data.DATABASE_URL,
    adminToken: parsed.data.ADMIN_TOKEN,
    serviceToken: parsed.data.SERVICE_TOKEN,
    logLevel: parsed.data.LOG_LEVEL,
    databasePoolMax: parsed.data.DATABASE_POOL_MAX,
  };
}
