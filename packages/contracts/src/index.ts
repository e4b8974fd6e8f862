export * from "./errors.ts";
export * from "./ids.ts";
export * from "./idempotency.ts";
export * from "./inventory/index.ts";
export * from "./orders/index.ts";
export * from "./payments/index.ts";
export * from "./ports.ts";
export * from "./staff/index.ts";
