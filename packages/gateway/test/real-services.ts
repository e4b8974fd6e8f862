import { createTestDatabase, type TestDatabase } from "@shop/db/testing";
import { inProcessServices, type InProcessServices } from "@shop/stack";
import { TEST_SERVICE_TOKEN } from "@shop/service/testing";
import { afterAll, beforeAll } from "vitest";
import type { ServiceFetch } from "../src/services/clients.ts";
import { gatewayOver } from "./harness.ts";

export const ADMIN_TOKEN = "test-admin-token-0123456789";

/**
 * The gateway over the real services (in-process, no sockets) and a real
 * database of this test file's own: gateway → service (tRPC) → PostgreSQL.
 * With `listen`, the services and the gateway hear the database's change
 * notifications as in production (Inventory's catalog cache, Orders' sold-out
 * gate, the gateway's catalog pages).
 */
export function useRealServices({
  listen = false,
  catalogHoldAtMost,
}: { listen?: boolean; catalogHoldAtMost?: number } = {}) {
  const state = { calls: [] as string[] } as {
    db: TestDatabase;
    apps: InProcessServices;
    gateway: ReturnType<typeof gatewayOver>;
    /** Every call the gateway made to a service: "<service> <path and query>". */
    calls: string[];
  };
  beforeAll(async () => {
    state.db = await createTestDatabase();
    state.apps = inProcessServices({
      db: state.db.prisma,
      adminToken: ADMIN_TOKEN,
      serviceToken: TEST_SERVICE_TOKEN,
      ...(listen ? { listenUrl: state.db.url } : {}),
      ...(catalogHoldAtMost === undefined ? {} : { catalogHoldAtMost }),
    });
    const fetch: ServiceFetch = async (service, url, init) => {
      const { pathname, search } = new URL(url);
      state.calls.push(`${service} ${pathname}${decodeURIComponent(search)}`);
      return state.apps[service].request(url, init);
    };
    state.gateway = gatewayOver(fetch, {
      adminToken: ADMIN_TOKEN,
      staff: { db: state.db.prisma, idleMs: 30 * 60_000 },
      ...(listen ? { listenUrl: state.db.url } : {}),
    });
  });
  afterAll(async () => {
    await Promise.all([state.gateway.app.close(), state.apps.inventory.close(), state.apps.orders.close()]);
    await state.db.drop();
  });
  return state;
}
