export * from "./actor.ts";
export * from "./roles.ts";
export * from "./accounts.ts";
export * from "./audit-targets.ts";
