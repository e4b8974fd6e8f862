import { z } from "zod";

const Hours = z.coerce
  .number()
  .positive()
  .max(24 * 365);

/** How long a stored answer is replayed unless IDEMPOTENCY_TTL_HOURS says otherwise: 24 hours. */
export const DEFAULT_IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

/** IDEMPOTENCY_TTL_HOURS (default 24): how long a stored answer is replayed, in ms. */
export function idempotencyTtlMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.IDEMPOTENCY_TTL_HOURS;
  if (raw === undefined || raw === "") return DEFAULT_IDEMPOTENCY_TTL_MS;
  const parsed = Hours.safeParse(raw);
  if (!parsed.success)
    throw new Error(`IDEMPOTENCY_TTL_HOURS must be a positive number of hours, got "${raw}"`);
  return parsed.data * 3_600_000;
}
