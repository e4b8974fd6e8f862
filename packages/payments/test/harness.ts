import { createTestDatabase, type TestDatabase } from "@shop/db/testing";
import { createLogger } from "@shop/service";
import { inProcessFetch, requestJson, type JsonAnswer } from "@shop/service/testing";
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
    options?: { body?: unknown; rawBody?: string; key?: string; headers?: Record<string, string> },
  ): Promise<RestAnswer>;
  trpc(): ReturnType<typeof createTRPCClient<PaymentsRouter>>;
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
      const { body, rawBody, headers } = options;
      return requestJson(app, method, path, {
        body,
        rawBody,
        headers,
        idempotencyKey: options.key,
      });
    },
    trpc() {
      return createTRPCClient<PaymentsRouter>({
        links: [
          httpLink({
            url: "http://payments.test/trpc",
            fetch: inProcessFetch(app),
          }),
        ],
      });
    },
  };
}
