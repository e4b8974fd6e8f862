import { ByIdInput, Order } from "@shop/contracts";
import { getOrder } from "../../domain/read-orders.ts";
import { publicProcedure } from "../init.ts";

/** One order with its lines, as `GET /orders/:id`. */
export const get = publicProcedure
  .input(ByIdInput)
  .output(Order)
  .query(({ ctx, input }) => getOrder(ctx.deps.db, input.id));
