import { idempotencyTtlMs } from "@shop/idempotency";
import { listenDefaultsOf } from "@shop/contracts";
import { readServiceEnv, type ServiceEnv } from "@shop/service";
import { z } from "zod";

export interface PaymentsEnv extends ServiceEnv {
  /** PAYMENTS_SUCCESS_RATE: the share of charges that succeed, 0..1 (1 by default). */
  successRate: number;
  /** IDEMPOTENCY_TTL_HOURS, in ms: how long a key's answer is replayed. */
  idempotencyTtlMs: number;
}

const Rate = z.coerce.number().min(0).max(1);

/** Payments' environment, read and checked once at start. */
export function readPaymentsEnv(env: NodeJS.ProcessEnv = process.env): PaymentsEnv {
  const raw = env.PAYMENTS_SUCCESS_RATE;
  const rate = raw === undefined || raw === "" ? 1 : Rate.safeParse(raw);
  if (typeof rate !== "number" && !rate.success) {
    throw new Error(`PAYMENTS_SUCCESS_RATE must be a number from 0 to 1, got "${raw}"`);
  }
  return {
    ...readServiceEnv(listenDefaultsOf("payments", env), env),
    successRate: typeof rate === "number" ? rate : rate.data,
    idempotencyTtlMs: idempotencyTtlMs(env),
  };
}
