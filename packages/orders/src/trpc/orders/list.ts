import { ListOrdersInput, OrderPage } from "@shop/contracts";
import { listOrders } from "../../domain/read-orders.ts";
import { staffProcedure } from "../init.ts";

/** The admin index, newest first, as `GET /orders`. */
export const list = staffProcedure("orders.read")
  .input(ListOrdersInput)
  .output(OrderPage)
  .query(({ ctx, input }) => listOrders(ctx.deps.db, input));
