import { ChargeResult, CreateChargeRequest } from "@shop/contracts";
import { createCharge } from "../../domain/charges.ts";
import { publicProcedure } from "../init.ts";

/** As `POST /charges`; the key travels in the input as `idempotency_key`. */
export const create = publicProcedure
  .input(CreateChargeRequest)
  .output(ChargeResult)
  .mutation(async ({ ctx, input: { idempotency_key, ...input } }) => {
    const answer = await createCharge(ctx.deps, { idempotencyKey: idempotency_key, input });
    return answer.replayed ? ChargeResult.parse(JSON.parse(answer.bodyText)) : answer.body;
  });
