export * from "./limits.ts";
export * from "./products.ts";
