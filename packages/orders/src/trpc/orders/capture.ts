import { ByIdInput, CaptureResult } from "@shop/contracts";
import { timelineActor } from "../../domain/actor.ts";
import { captureOrder } from "../../domain/capture-order.ts";
import { staffProcedure } from "../init.ts";

/** Charge through Payments and mark PAID, as `POST /orders/:id/capture`. */
export const capture = staffProcedure("orders.capture")
  .input(ByIdInput)
  .output(CaptureResult)
  .mutation(({ ctx, input }) => captureOrder(ctx.deps, input.id, timelineActor(ctx)));
