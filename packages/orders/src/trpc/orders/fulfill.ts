import { FulfillOrderInput, OrderDetail, Uuid } from "@shop/contracts";
import { timelineActor } from "../../domain/actor.ts";
import { fulfillOrder } from "../../domain/fulfill-order.ts";
import { staffProcedure } from "../init.ts";

/** Mark a PAID order as shipped, as `POST /orders/:id/fulfill`. */
export const fulfill = staffProcedure("orders.fulfill")
  .input(FulfillOrderInput.extend({ id: Uuid }))
  .output(OrderDetail)
  .mutation(({ ctx, input: { id, ...input } }) => fulfillOrder(ctx.deps.db, id, input, timelineActor(ctx)));
