import type { CreateRefundInput, RefundResult } from "@shop/contracts";
import type { PrismaClient } from "@shop/db";
import { fingerprintOf, runIdempotent, type IdempotentAnswer } from "@shop/idempotency";
import { notFound, ServiceError } from "@shop/service";

/** Refund keys live apart from charge keys: the same key may name a charge and a refund. */
export const REFUND_SCOPE = "payments.refund";

export interface RefundDeps {
  db: PrismaClient;
  idempotencyTtlMs: number;
}

export interface RefundRequest {
  idempotencyKey: string;
  input: CreateRefundInput;
}

/**
 * Refund part or all of a succeeded charge, at most once per Idempotency-Key
 * (the same semantics as charges: replay, 409 in flight, 422 reused). The
 * charge's row is locked while the refunds so far are added up, so two
 * refunds of one charge under different keys run one after the other and
 * together never exceed the charge: the second is refused with
 * 409 refund_exceeds_captured, and a refusal stores nothing (a retry is checked again).
 */
export async function createRefund(
  { db, idempotencyTtlMs }: RefundDeps,
  { idempotencyKey, input }: RefundRequest,
): Promise<IdempotentAnswer<RefundResult>> {
  return runIdempotent(
    db,
    { scope: REFUND_SCOPE, key: idempotencyKey, fingerprint: fingerprintOf(input), ttlMs: idempotencyTtlMs },
    async (tx) => {
      const [charge] = await tx.$queryRaw<Array<{ amount_cents: number; status: string }>>`
        SELECT amount_cents, status::text AS status FROM charges WHERE id = ${input.charge_id}::uuid FOR UPDATE`;
      if (!charge) throw notFound("Charge", input.charge_id);
      if (charge.status !== "succeeded") {
        throw new ServiceError(
          "invalid_state",
          `Charge ${input.charge_id} failed; there is nothing to refund`,
        );
      }
      const [{ refunded } = { refunded: 0 }] = await tx.$queryRaw<Array<{ refunded: number }>>`
        SELECT COALESCE(SUM(amount_cents), 0)::int AS refunded FROM refunds WHERE charge_id = ${input.charge_id}::uuid`;
      const left = charge.amount_cents - refunded;
      if (input.amount_cents > left) {
        throw new ServiceError(
          "refund_exceeds_captured",
          `Charge ${input.charge_id} has ${left} of ${charge.amount_cents} cents left to refund; ` +
            `${input.amount_cents} is more than that`,
          { charge_cents: charge.amount_cents, refunded_cents: refunded, refundable_cents: left },
        );
      }
      const refund = await tx.refund.create({
        data: { chargeId: input.charge_id, amountCents: input.amount_cents },
      });
      return { refund_id: refund.id, status: "succeeded" as const, amount_cents: refund.amountCents };
    },
  );
}
