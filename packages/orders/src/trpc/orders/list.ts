import { ListOrdersInput, OrderPage } from "@shop/contracts";
import { listOrders } from "../../domain/read-orders.ts";
import { adminProcedure } from "../init.ts";

/** The admin index, newest first, as `GET /orders`. */
export const list = adminProcedure
  .input(ListOrdersInput)
  .output(OrderPage)
  .query(({ ctx, input }) => listOrders(ctx.deps.db, input));
