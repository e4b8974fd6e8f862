// What other packages may import from the gateway: the app factory (tests run
// it in-process) and the schema (tools print and check it).
export { createGatewayApp, type GatewayDeps } from "./app.ts";
export type { ServiceUrls } from "./services/clients.ts";
export { schema } from "./schema/index.ts";
