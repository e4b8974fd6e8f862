import { createServiceTrpc, type ServiceTrpcContext } from "@shop/service";
import type { OrdersDeps } from "../domain/deps.ts";

export interface OrdersContext extends ServiceTrpcContext {
  deps: OrdersDeps;
}

export const { router, publicProcedure, staffProcedure, createCallerFactory } =
  createServiceTrpc<OrdersContext>();
