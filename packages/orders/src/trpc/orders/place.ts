import { PlacedOrder, PlaceOrderRequest } from "@shop/contracts";
import { timelineActor } from "../../domain/actor.ts";
import { placeOrder } from "../../domain/place-order.ts";
import { publicProcedure } from "../init.ts";

/**
 * As `POST /orders`; the optional key travels in the input as `idempotency_key`,
 * and shares REST's keys. With `from_database`, never answered from the sold-out gate.
 */
export const place = publicProcedure
  .input(PlaceOrderRequest)
  .output(PlacedOrder)
  .mutation(async ({ ctx, input: { idempotency_key, from_database, ...input } }) => {
    const answer = await placeOrder(ctx.deps, {
      input,
      idempotencyKey: idempotency_key,
      fromDatabase: from_database === true,
      actor: timelineActor(ctx),
    });
    return answer.replayed ? PlacedOrder.parse(JSON.parse(answer.bodyText)) : answer.body;
  });
