import { IdempotencyKey, RefundOrderInput, RefundOrderResult, Uuid } from "@shop/contracts";
import { timelineActor } from "../../domain/actor.ts";
import { refundOrder } from "../../domain/refund-order.ts";
import { staffProcedure } from "../init.ts";

/** Refund part or all of a paid order, as `POST /orders/:id/refunds` (key optional, shared with REST). */
export const refund = staffProcedure("orders.refund")
  .input(RefundOrderInput.extend({ id: Uuid, idempotency_key: IdempotencyKey.optional() }))
  .output(RefundOrderResult)
  .mutation(async ({ ctx, input: { id, idempotency_key, ...input } }) => {
    const answer = await refundOrder(ctx.deps, {
      orderId: id,
      input,
      idempotencyKey: idempotency_key,
      actor: timelineActor(ctx),
    });
    return answer.replayed ? RefundOrderResult.parse(JSON.parse(answer.bodyText)) : answer.body;
  });
