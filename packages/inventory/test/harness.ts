import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { createTestDatabase, type TestDatabase } from "@shop/db/testing";
import { createLogger } from "@shop/service";
import { inProcessFetch, requestJson, TEST_SERVICE_TOKEN } from "@shop/service/testing";
import { afterAll, beforeAll } from "vitest";
import { createInventoryApp } from "../src/app.ts";
import type { InventoryRouter } from "../src/trpc/router.ts";

export const ADMIN_TOKEN = "test-admin-token-0123456789";

export interface Harness {
  db: TestDatabase["prisma"];
  /** One REST request through the real app (no socket): status, parsed JSON body, headers. */
  rest(
    method: string,
    path: string,
    options?: { body?: unknown; rawBody?: string; admin?: boolean; headers?: Record<string, string> },
  ): Promise<{ status: number; body: unknown; headers: Headers }>;
  /** Any request through the app, answered as a fetch Response (multipart uploads, images). */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** A typed tRPC client whose requests go through the same app. */
  trpc(options?: { admin?: boolean }): ReturnType<typeof createTRPCClient<InventoryRouter>>;
}

/** An isolated, migrated database and the Inventory app over it, for one test file. */
export function useInventory(): Harness {
  let database: TestDatabase;
  let app: ReturnType<typeof createInventoryApp>;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = createInventoryApp({
      db: database.prisma,
      log: createLogger("inventory", "silent"),
      adminToken: ADMIN_TOKEN,
      serviceToken: TEST_SERVICE_TOKEN,
    });
  });
  afterAll(async () => {
    await database.drop();
  });

  return {
    get db() {
      return database.prisma;
    },
    rest(method, path, options = {}) {
      const { body, rawBody, headers } = options;
      return requestJson(app, method, path, {
        bearer: options.admin ? ADMIN_TOKEN : undefined,
        body,
        rawBody,
        headers,
      });
    },
    async request(path, init) {
      return app.request(path, init);
    },
    trpc(options = {}) {
      return createTRPCClient<InventoryRouter>({
        links: [
          httpLink({
            url: "http://inventory.test/trpc",
            headers: options.admin ? { authorization: `Bearer ${ADMIN_TOKEN}` } : {},
            fetch: inProcessFetch(app),
          }),
        ],
      });
    },
  };
}

/** The `{error, message, details?}` body and HTTP status a tRPC call failed with. */
export async function trpcFailure(
  call: Promise<unknown>,
): Promise<{ status: number; error: string; message: string }> {
  try {
    await call;
  } catch (err) {
    if (err instanceof TRPCClientError) {
      const data = err.data as { httpStatus: number; error: string };
      return { status: data.httpStatus, error: data.error, message: err.message };
    }
    throw err;
  }
  throw new Error("expected the tRPC call to fail, but it succeeded");
}

export const product = (
  overrides: Partial<{ name: string; price_cents: number; stock_qty: number }> = {},
) => ({
  name: "Teapot",
  price_cents: 2_500,
  stock_qty: 7,
  ...overrides,
});
