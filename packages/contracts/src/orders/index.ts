export * from "./limits.ts";
export * from "./orders.ts";
