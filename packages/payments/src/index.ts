// What other packages may import from Payments: its router's type (for typed
// tRPC clients) and its app factory (for tests that run the real service).
export type { PaymentsRouter } from "./trpc/router.ts";
export { createPaymentsApp, type PaymentsDeps } from "./app.ts";
export type { DecideOutcome } from "./domain/outcome.ts";
