import { createTestDatabase, type TestDatabase } from "@shop/db/testing";
import { createInventoryApp } from "@shop/inventory";
import { createOrdersApp, createPaymentsClient } from "@shop/orders";
import { createPaymentsApp } from "@shop/payments";
import { createLogger } from "@shop/service";
import { afterAll, beforeAll } from "vitest";
import type { ServiceFetch } from "../src/services/clients.ts";
import { gatewayOver, SERVICE_URLS } from "./harness.ts";

export const ADMIN_TOKEN = "test-admin-token-0123456789";

function startServices(db: TestDatabase) {
  const log = createLogger("test", "silent");
  const payments = createPaymentsApp({ db: db.prisma, log, adminToken: ADMIN_TOKEN });
  return {
    inventory: createInventoryApp({ db: db.prisma, log, adminToken: ADMIN_TOKEN }),
    payments,
    orders: createOrdersApp({
      db: db.prisma,
      log,
      adminToken: ADMIN_TOKEN,
      payments: createPaymentsClient({
        baseUrl: SERVICE_URLS.payments,
        timeoutMs: 2_000,
        fetch: async (input, init) =>
          payments.request(input instanceof Request ? input : input.toString(), init),
      }),
    }),
  };
}

/**
 * The gateway over the real services (in-process, no sockets) and a real
 * database of this test file's own: gateway → service (tRPC) → PostgreSQL.
 */
export function useRealServices() {
  const state = {} as {
    db: TestDatabase;
    apps: ReturnType<typeof startServices>;
    gateway: ReturnType<typeof gatewayOver>;
  };
  beforeAll(async () => {
    state.db = await createTestDatabase();
    state.apps = startServices(state.db);
    const fetch: ServiceFetch = async (service, url, init) => state.apps[service].request(url, init);
    state.gateway = gatewayOver(fetch);
  });
  afterAll(() => state.db.drop());
  return state;
}
