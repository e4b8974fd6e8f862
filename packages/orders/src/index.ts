// What other packages may import from Orders: its router's type (for typed
// tRPC clients) and its app factory (for tests that run the real service).
export type { OrdersRouter } from "./trpc/router.ts";
export { createOrdersApp, type OrdersAppOptions } from "./app.ts";
export { createPaymentsClient, type PaymentsClient } from "./payments-client.ts";
export { createOutboxWorker, type OutboxWorker } from "./outbox/worker.ts";
export { createMailTransport, type MailTransport, type MailTransportOptions } from "./outbox/transport.ts";
