export * from "./checkout.ts";
export * from "./countries.ts";
export * from "./limits.ts";
export * from "./orders.ts";
