export * from "./actor.ts";
export * from "./roles.ts";
export * from "./accounts.ts";
