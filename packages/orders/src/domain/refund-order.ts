import type { RefundOrderInput, RefundOrderResult } from "@shop/contracts";
import { Prisma, type PrismaClient } from "@shop/db";
import { fingerprintOf, runIdempotent, type IdempotentAnswer } from "@shop/idempotency";
import { ServiceError } from "@shop/service";
import type { PaymentsClient } from "../payments-client.ts";
import type { Actor } from "./actor.ts";
import { lockOrder, readOrderDetail, type Db } from "./order-rows.ts";
import { recordEvent } from "./timeline.ts";

/** Admin refund requests' own Idempotency-Keys (optional) live in this scope. */
export const REFUND_ORDER_SCOPE = "orders.refund";

/**
 * The Idempotency-Key of an order's n-th refund at Payments. It is derived
 * from how many refunds the order has recorded, read under the order's row
 * lock: a refund whose answer was lost (Orders crashed or timed out after
 * Payments refunded) is retried under the same key and replayed by Payments,
 * never paid out twice; the next refund after a recorded one gets a new key.
 */
export const refundKey = (orderId: string, n: number) => `order:${orderId}:refund:${n}`;

/** Time a refund's transaction may take beyond the Payments call it waits for. */
const TRANSACTION_MARGIN_MS = 5_000;

export interface RefundDeps {
  db: PrismaClient;
  payments: PaymentsClient;
  idempotencyTtlMs: number;
}

export interface RefundRequest {
  orderId: string;
  input: RefundOrderInput;
  actor: Actor;
  /** Optional: a retried request with the same key answers the first refund. */
  idempotencyKey?: string | undefined;
}

/**
 * Refunds part or all of a PAID or FULFILLED order through Payments.
 *
 * The order's row is locked for the whole exchange, so two admins refunding
 * at once run one after the other: the second sees the first's refund and is
 * refused if together they would exceed what was captured (409
 * refund_exceeds_captured); Payments checks the same bound under its charge's
 * lock. A refund that brings the refunded total to the captured amount makes
 * the order REFUNDED. PENDING or CANCELLED orders have nothing to refund (409
 * invalid_state). Answers 201 with the refund and the order.
 */
export async function refundOrder(
  deps: RefundDeps,
  request: RefundRequest,
): Promise<IdempotentAnswer<RefundOrderResult>> {
  const { db, idempotencyTtlMs } = deps;
  if (request.idempotencyKey === undefined) {
    const body = await db.$transaction((tx) => refundIn(tx, deps.payments, request), options(deps));
    return { replayed: false, body, bodyText: JSON.stringify(body) };
  }
  return runIdempotent(
    db,
    {
      scope: REFUND_ORDER_SCOPE,
      key: `${request.orderId}:${request.idempotencyKey}`,
      fingerprint: fingerprintOf(request.input),
      ttlMs: idempotencyTtlMs,
    },
    (tx) => refundIn(tx, deps.payments, request),
    options(deps),
  );
}

const options = ({ payments }: RefundDeps) => ({
  isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted,
  // Prisma's default (5 s) could end the transaction while Payments is still answering.
  timeout: payments.timeoutMs + TRANSACTION_MARGIN_MS,
});

async function refundIn(
  tx: Db,
  payments: PaymentsClient,
  { orderId, input, actor }: RefundRequest,
): Promise<RefundOrderResult> {
  const order = await lockOrder(tx, orderId);
  if (order.status !== "PAID" && order.status !== "FULFILLED") {
    const why =
      order.status === "REFUNDED" ? "it is refunded in full already" : "only a paid order can be refunded";
    throw new ServiceError("invalid_state", `Order ${orderId} is ${order.status}; ${why}`);
  }
  if (order.charge_id === null) throw new Error(`Order ${orderId} is ${order.status} without a charge id`);
  const refundable = order.captured_cents - order.refunded_cents;
  if (input.amount_cents > refundable) {
    throw new ServiceError(
      "refund_exceeds_captured",
      `Order ${orderId} has ${refundable} cents left to refund (captured ${order.captured_cents}, ` +
        `refunded ${order.refunded_cents}); ${input.amount_cents} is more than that`,
      {
        captured_cents: order.captured_cents,
        refunded_cents: order.refunded_cents,
        refundable_cents: refundable,
      },
    );
  }

  const refundsSoFar = await tx.orderRefund.count({ where: { orderId } });
  const refund = await payments.refund({
    idempotencyKey: refundKey(orderId, refundsSoFar),
    input: { charge_id: order.charge_id, amount_cents: input.amount_cents },
    requestId: actor.requestId,
  });

  const refunded = order.refunded_cents + refund.amount_cents;
  const row = await tx.orderRefund.create({
    data: { id: refund.refund_id, orderId, amountCents: refund.amount_cents, reason: input.reason || null },
  });
  await tx.order.update({
    where: { id: orderId },
    data: {
      refundedCents: refunded,
      ...(refunded === order.captured_cents ? { status: "REFUNDED" as const } : {}),
    },
  });
  await recordEvent(tx, orderId, "refunded", actor, {
    refund_id: refund.refund_id,
    amount_cents: refund.amount_cents,
    ...(input.reason ? { reason: input.reason } : {}),
  });
  return {
    refund: {
      id: row.id,
      amount_cents: row.amountCents,
      reason: row.reason,
      created_at: row.createdAt.toISOString(),
    },
    order: await readOrderDetail(tx, orderId),
  };
}
