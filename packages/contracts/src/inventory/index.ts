export * from "./limits.ts";
export * from "./products.ts";
export * from "./catalog.ts";
export * from "./images.ts";
