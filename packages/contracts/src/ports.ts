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
