import { createTestDatabase, type TestDatabase } from "@shop/db/testing";
import { createLogger } from "@shop/service";
import { inProcessFetch, requestJson, TEST_SERVICE_TOKEN, type JsonAnswer } from "@shop/service/testing";
import { createTRPCClient, httpLink } from "@trpc/client";
import { afterAll, beforeAll } from "vitest";
import { createPaymentsApp } from "../src/app.ts";
import type { DecideOutcome } from "../src/domain/outcome.ts";
import type { PaymentsRouter } from "../src/trpc/router.ts";

export type RestAnswer = JsonAnswer;

export interface Harness {
  db: TestDatabase["prisma"];
  url: string;
  /** What the next charges' outcome will be (default: succeeded). */
  setOutcome(decide: DecideOutcome): void;
  rest(
    method: string,
    path: string,
    options?: {
      body?: unknown;
      rawBody?: string;
      key?: string;
      headers?: Record<string, string>;
      /** Leave the service credential out: a caller that is not part of Shop. */
      stranger?: boolean;
    },
  ): Promise<RestAnswer>;
  /** As Orders calls it (with the service credential), or as a stranger (without). */
  trpc(options?: { stranger?: boolean }): ReturnType<typeof createTRPCClient<PaymentsRouter>>;
}

/** An isolated, migrated database and the Payments app over it, for one test file. */
export function usePayments(): Harness {
  let database: TestDatabase;
  let app: ReturnType<typeof createPaymentsApp>;
  let decide: DecideOutcome = () => "succeeded";
  beforeAll(async () => {
    database = await createTestDatabase();
    app = createPaymentsApp({
      db: database.prisma,
      log: createLogger("payments", "silent"),
      adminToken: "test-admin-token-0123456789",
      serviceToken: TEST_SERVICE_TOKEN,
      decideOutcome: (input) => decide(input),
    });
  });
  afterAll(() => database.drop());

  return {
    get db() {
      return database.prisma;
    },
    get url() {
      return database.url;
    },
    setOutcome(next) {
      decide = next;
    },
    rest(method, path, options = {}) {
      const { body, rawBody } = options;
      const headers = options.stranger
        ? { ...options.headers }
        : { "x-service-token": TEST_SERVICE_TOKEN, ...options.headers };
      return requestJson(app, method, path, {
        body,
        rawBody,
        headers,
        idempotencyKey: options.key,
      });
    },
    trpc(options = {}) {
      return createTRPCClient<PaymentsRouter>({
        links: [
          httpLink({
            url: "http://payments.test/trpc",
            headers: options.stranger ? {} : { "x-service-token": TEST_SERVICE_TOKEN },
            fetch: inProcessFetch(app),
          }),
        ],
      });
    },
  };
}
