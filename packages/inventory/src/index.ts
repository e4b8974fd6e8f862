// What other packages may import from Inventory: its router's type (for typed
// tRPC clients) and its app factory (for tests that run the real service).
export type { InventoryRouter } from "./trpc/router.ts";
export { createInventoryApp, type InventoryDeps } from "./app.ts";
