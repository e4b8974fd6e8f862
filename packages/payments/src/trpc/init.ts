import { createServiceTrpc, type ServiceTrpcContext } from "@shop/service";
import type { ChargeDeps } from "../domain/charges.ts";

export interface PaymentsContext extends ServiceTrpcContext {
  deps: ChargeDeps;
}

export const { router, publicProcedure, staffProcedure, createCallerFactory } =
  createServiceTrpc<PaymentsContext>();
