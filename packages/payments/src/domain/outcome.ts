import type { ChargeStatus, CreateChargeInput } from "@shop/contracts";

/**
 * Whether a charge succeeds. There is no card network behind this shop: the
 * outcome is configuration (PAYMENTS_SUCCESS_RATE), and tests pass their own
 * function to make it deterministic. It may answer later, as a card network
 * would: the charge waits for it inside its transaction.
 */
export type DecideOutcome = (input: CreateChargeInput) => ChargeStatus | Promise<ChargeStatus>;

export function outcomeAtRate(successRate: number, random: () => number = Math.random): DecideOutcome {
  return () => (random() < successRate ? "succeeded" : "failed");
}
