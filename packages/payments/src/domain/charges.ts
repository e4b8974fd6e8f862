import type { Charge, ChargeResult, CreateChargeInput } from "@shop/contracts";
import type { PrismaClient } from "@shop/db";
import { fingerprintOf, runIdempotent, type IdempotentAnswer } from "@shop/idempotency";
import { notFound } from "@shop/service";
import type { Counter } from "@shop/service";
import type { DecideOutcome } from "./outcome.ts";

/** Keys of charges live apart from every other operation's keys. */
export const CHARGE_SCOPE = "payments.charge";

export interface ChargeRequest {
  idempotencyKey: string;
  input: CreateChargeInput;
}

export interface ChargeDeps {
  db: PrismaClient;
  decideOutcome: DecideOutcome;
  idempotencyTtlMs: number;
  /** Charges made, by status, for /metrics (replays not counted). */
  charges?: Counter<"status">;
}

/**
 * Charge once per Idempotency-Key: the first request decides the outcome and
 * inserts the charge, in the same transaction that stores its answer; a retry
 * with the same key and body gets that answer back, never a second charge.
 * A failed charge is an answer too: it is stored and replayed like a success.
 */
export async function createCharge(
  { db, decideOutcome, idempotencyTtlMs, charges }: ChargeDeps,
  { idempotencyKey, input }: ChargeRequest,
): Promise<IdempotentAnswer<ChargeResult>> {
  const answer = await runIdempotent(
    db,
    { scope: CHARGE_SCOPE, key: idempotencyKey, fingerprint: fingerprintOf(input), ttlMs: idempotencyTtlMs },
    async (tx) => {
      const charge = await tx.charge.create({
        data: {
          orderId: input.order_id,
          amountCents: input.amount_cents,
          status: await decideOutcome(input),
        },
      });
      return { status: charge.status, charge_id: charge.id };
    },
  );
  if (!answer.replayed) charges?.inc({ status: answer.body.status });
  return answer;
}

export async function getCharge(db: PrismaClient, id: string): Promise<Charge> {
  const row = await db.charge.findUnique({
    where: { id },
    include: { refunds: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
  });
  if (!row) throw notFound("Charge", id);
  return {
    id: row.id,
    order_id: row.orderId,
    amount_cents: row.amountCents,
    status: row.status,
    created_at: row.createdAt.toISOString(),
    refunded_cents: row.refunds.reduce((sum, r) => sum + r.amountCents, 0),
    refunds: row.refunds.map((r) => ({
      id: r.id,
      amount_cents: r.amountCents,
      created_at: r.createdAt.toISOString(),
    })),
  };
}
