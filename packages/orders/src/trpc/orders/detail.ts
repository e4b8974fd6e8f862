import { OrderDetail, OrderDetailInput } from "@shop/contracts";
import { getOrderDetail } from "../../domain/read-orders.ts";
import { publicProcedure } from "../init.ts";

/** The whole order for staff or the access token's holder, as `GET /orders/:id/detail`. */
export const detail = publicProcedure
  .input(OrderDetailInput)
  .output(OrderDetail)
  .query(({ ctx, input }) =>
    getOrderDetail(ctx.deps.db, input.id, { isAdmin: ctx.isAdmin, token: input.token }),
  );
