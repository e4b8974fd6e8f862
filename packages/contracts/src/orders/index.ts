export * from "./checkout.ts";
// The codes only: country names (./countries.ts, "@shop/contracts/countries") are for the apps.
export * from "./country-codes.ts";
export * from "./limits.ts";
export * from "./orders.ts";
