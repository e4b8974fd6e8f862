import type { CaptureResult, ChargeResult } from "@shop/contracts";
import { Prisma, type PrismaClient } from "@shop/db";
import { ServiceError } from "@shop/service";
import type { PaymentsClient } from "../payments-client.ts";
import type { Actor } from "./actor.ts";
import { lockOrder, readOrder } from "./order-rows.ts";
import { recordEvent } from "./timeline.ts";

export interface CaptureDeps {
  db: PrismaClient;
  payments: PaymentsClient;
}

/**
 * The Idempotency-Key of one capture attempt. A retry of the same attempt
 * (after a timeout, a crash, a lost answer) sends the same key and gets the
 * same charge back from Payments; only a failed charge moves the order to a
 * new attempt, and so to a new charge.
 */
export const captureKey = (orderId: string, attempt: number) => `order:${orderId}:capture:${attempt}`;

/** Time a capture's transaction may take beyond the Payments call it waits for. */
const TRANSACTION_MARGIN_MS = 5_000;

type Outcome = { paid: true; result: CaptureResult } | { paid: false; charge: ChargeResult };

/**
 * Charges a PENDING order through Payments and marks it PAID with the charge.
 *
 * - PAID already: answers the order and its charge; Payments is not called,
 *   so a retried capture never charges twice.
 * - FULFILLED or REFUNDED: paid already, answered as PAID is.
 * - CANCELLED: invalid_state.
 * - The charge failed: the order stays PENDING, its capture attempt count
 *   goes up (the next capture is a new charge), and the error is
 *   payment_failed with the charge's `{status, charge_id}` in details.
 * - Payments unreachable or too slow: service_unavailable, the order unchanged; retrying
 *   sends the same key, so a charge Payments made meanwhile is reused.
 */
export async function captureOrder(
  { db, payments }: CaptureDeps,
  id: string,
  actor: Actor,
): Promise<CaptureResult> {
  const outcome = await db.$transaction(
    async (tx): Promise<Outcome> => {
      // The order's row stays locked while Payments is called. That is what
      // makes "charge, then mark PAID" safe: a concurrent capture of this order
      // waits and then sees PAID (no second charge), and a concurrent cancel
      // waits and then sees PAID (no cancelled order that was charged). The
      // cost is one connection held for at most the client's timeout, which is
      // bounded; an unbounded call must never run under a lock.
      const order = await lockOrder(tx, id);
      if (order.status === "CANCELLED") {
        throw new ServiceError("invalid_state", `Order ${id} is CANCELLED; a cancelled order cannot be paid`);
      }
      if (order.status !== "PENDING") {
        if (order.charge_id === null) throw new Error(`Order ${id} is PAID without a charge id`);
        const charge: ChargeResult = { status: "succeeded", charge_id: order.charge_id };
        return { paid: true, result: { order: await readOrder(tx, id), charge } };
      }

      const charge = await payments.charge({
        idempotencyKey: captureKey(id, order.capture_attempts),
        input: { order_id: id, amount_cents: order.total_cents },
        requestId: actor.requestId,
      });
      if (charge.status === "failed") {
        await tx.order.update({ where: { id }, data: { captureAttempts: { increment: 1 } } });
        await recordEvent(tx, id, "payment_failed", actor, { charge_id: charge.charge_id });
        return { paid: false, charge };
      }
      await tx.order.update({
        where: { id },
        data: { status: "PAID", chargeId: charge.charge_id, capturedCents: order.total_cents },
      });
      await recordEvent(tx, id, "payment_captured", actor, {
        charge_id: charge.charge_id,
        amount_cents: order.total_cents,
      });
      return { paid: true, result: { order: await readOrder(tx, id), charge } };
    },
    {
      isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted,
      // Prisma's default (5 s) could end the transaction while Payments is still answering.
      timeout: payments.timeoutMs + TRANSACTION_MARGIN_MS,
    },
  );

  if (outcome.paid) return outcome.result;
  // Thrown after the commit, so the new attempt count is kept.
  throw new ServiceError(
    "payment_failed",
    `The charge for order ${id} failed; the order stays PENDING, and capturing again makes a new charge`,
    outcome.charge,
  );
}
