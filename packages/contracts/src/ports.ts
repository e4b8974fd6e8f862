import { z } from "zod";

/**
 * Where each part of Shop listens unless told otherwise (`<PART>_PORT`): part
 * of how the parts find each other, so it sits with the other contracts, not
 * in the server kit (@shop/service knows no part by name).
 */
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

/** A port from the environment variable `name`, or `fallback` when unset. */
export function readPort(name: string, fallback: number, env: Record<string, string | undefined>): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const parsed = Port.safeParse(raw);
  if (!parsed.success) throw new Error(`${name} must be a port number, got "${raw}"`);
  return parsed.data;
}

/** The port a part listens on: `<PART>_PORT` or its default. */
export function portOf(part: ShopPart, env: Record<string, string | undefined> = process.env): number {
  return readPort(`${part.toUpperCase()}_PORT`, DEFAULT_PORTS[part], env);
}

/**
 * Where each service serves /metrics unless told otherwise (`METRICS_PORT` or
 * `<PART>_METRICS_PORT`): never its public port, on loopback by default.
 */
export const DEFAULT_METRICS_PORTS = {
  gateway: 9400,
  inventory: 9401,
  orders: 9402,
  payments: 9403,
} as const;
export type ServicePart = keyof typeof DEFAULT_METRICS_PORTS;

/** The port a service serves /metrics on: `METRICS_PORT`, else `<PART>_METRICS_PORT`, else its default. */
export function metricsPortOf(
  part: ServicePart,
  env: Record<string, string | undefined> = process.env,
): number {
  if (env.METRICS_PORT) return readPort("METRICS_PORT", DEFAULT_METRICS_PORTS[part], env);
  return readPort(`${part.toUpperCase()}_METRICS_PORT`, DEFAULT_METRICS_PORTS[part], env);
}

/** What a service's process needs to know about where it listens by default. */
export interface ServiceListenDefaults {
  name: ServicePart;
  port: number;
  metricsPort: number;
}

/** A service's name, public port and metrics port, from its defaults and the environment. */
export function listenDefaultsOf(
  part: ServicePart,
  env: Record<string, string | undefined> = process.env,
): ServiceListenDefaults {
  return { name: part, port: portOf(part, env), metricsPort: metricsPortOf(part, env) };
}
