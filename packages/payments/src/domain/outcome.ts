import type { ChargeStatus, CreateChargeInput } from "@shop/contracts";

/**
 * Whether a charge succeeds. There is no card network behind this shop: the
 * outcome is configuration (PAYMENTS_SUCCESS_RATE), and tests pass their own
 * function to make it deterministic.
 */
export type DecideOutcome = (input: CreateChargeInput) => ChargeStatus;

export function outcomeAtRate(successRate: number, random: () => number = Math.random): DecideOutcome {
  return () => (random() < successRate ? "succeeded" : "failed");
}
