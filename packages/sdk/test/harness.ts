import { createTestDatabase, type TestDatabase } from "@shop/db/testing";
import { inProcessServices } from "@shop/stack";
import { TEST_SERVICE_TOKEN } from "@shop/service/testing";
import { afterAll, beforeAll } from "vitest";
import { createShopClient, type ShopClient, type ShopClientOptions } from "../src/index.ts";
import type { ServiceName } from "../src/urls.ts";

export const ADMIN_TOKEN = "test-admin-token-0123456789";

/** Where the in-process services pretend to live; the harness' fetch routes by host. */
export const SERVICE_URLS = {
  inventoryUrl: "http://inventory.test",
  ordersUrl: "http://orders.test",
  paymentsUrl: "http://payments.test",
} as const;

/** One HTTP exchange the SDK made, as the service saw it. */
export interface Exchange {
  service: ServiceName;
  method: string;
  path: string;
  requestHeaders: Headers;
  status: number;
}

export interface Shop {
  db: TestDatabase["prisma"];
  /** An SDK client whose calls go to the real apps, in process (no sockets). */
  client(options?: Omit<ShopClientOptions, "fetch">): ShopClient;
  /** Every exchange so far, oldest first. */
  exchanges: Exchange[];
}

/**
 * The three real services over one isolated, migrated database, for one test
 * file: Inventory, Payments, and Orders capturing through that Payments. No
 * service is mocked; only the socket is skipped (app.request).
 */
export function useShop(): Shop {
  let database: TestDatabase;
  let apps: Record<ServiceName, { request(input: string, init?: RequestInit): Response | Promise<Response> }>;
  const exchanges: Exchange[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    apps = inProcessServices({
      db: database.prisma,
      adminToken: ADMIN_TOKEN,
      serviceToken: TEST_SERVICE_TOKEN,
    });
  });
  afterAll(() => database.drop());

  return {
    get db() {
      return database.prisma;
    },
    exchanges,
    client(options = {}) {
      return createShopClient({
        ...SERVICE_URLS,
        ...options,
        async fetch(url, init) {
          const { host, pathname } = new URL(url);
          const service = host.replace(/\.test$/, "") as ServiceName;
          const res = await apps[service].request(url, init);
          exchanges.push({
            service,
            method: init.method ?? "GET",
            path: pathname,
            requestHeaders: new Headers(init.headers),
            status: res.status,
          });
          return res;
        },
      });
    },
  };
}

/** What a call rejected with (fails the test when it resolved). */
export async function rejectionOf(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (err) {
    return err;
  }
  throw new Error("expected the call to fail, but it succeeded");
}
