import { OrderLookupInput, OrderLookupResult } from "@shop/contracts";
import { lookupOrder } from "../../domain/read-orders.ts";
import { publicProcedure } from "../init.ts";

/** Find an order by number and email, as `POST /orders/lookup` (rate limited). */
export const lookup = publicProcedure
  .input(OrderLookupInput)
  .output(OrderLookupResult)
  .mutation(({ ctx, input }) => lookupOrder(ctx.deps.db, ctx.deps.lookupLimiter, input));
