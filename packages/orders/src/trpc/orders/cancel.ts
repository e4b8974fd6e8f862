import { ByIdInput, Order } from "@shop/contracts";
import { timelineActor } from "../../domain/actor.ts";
import { cancelOrder } from "../../domain/cancel-order.ts";
import { staffProcedure } from "../init.ts";

/** Cancel a PENDING order and put its stock back, as `POST /orders/:id/cancel`. */
export const cancel = staffProcedure("orders.cancel")
  .input(ByIdInput)
  .output(Order)
  .mutation(({ ctx, input }) => cancelOrder(ctx.deps.db, input.id, timelineActor(ctx)));
