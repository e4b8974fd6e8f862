export * from "./charges.ts";
