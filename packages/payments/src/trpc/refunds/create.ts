import { CreateRefundRequest, RefundResult } from "@shop/contracts";
import { createRefund } from "../../domain/refunds.ts";
import { publicProcedure } from "../init.ts";

/** As `POST /refunds`; the key travels in the input as `idempotency_key`. */
export const create = publicProcedure
  .input(CreateRefundRequest)
  .output(RefundResult)
  .mutation(async ({ ctx, input: { idempotency_key, ...input } }) => {
    const answer = await createRefund(ctx.deps, { idempotencyKey: idempotency_key, input });
    return answer.replayed ? RefundResult.parse(JSON.parse(answer.bodyText)) : answer.body;
  });
