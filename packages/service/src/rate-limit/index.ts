export * from "./client-ip.ts";
export * from "./limiter.ts";
export * from "./redis.ts";
