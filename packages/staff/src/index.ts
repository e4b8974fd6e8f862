export * from "./accounts.ts";
export * from "./audit.ts";
export * from "./passwords.ts";
export * from "./sessions.ts";
export { MACHINE_ACTOR } from "@shop/contracts";
