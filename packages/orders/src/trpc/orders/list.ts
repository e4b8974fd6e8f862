import { ListOrdersInput, OrderPage } from "@shop/contracts";
import { listOrders } from "../../domain/read-orders.ts";
import { staffProcedureFor } from "../staff.ts";

/** The admin index, newest first, filtered, as `GET /orders`. */
export const list = staffProcedureFor.read
  .input(ListOrdersInput)
  .output(OrderPage)
  .query(({ ctx, input }) => listOrders(ctx.deps.db, input));
