import { createTestDatabase, type TestDatabase } from "@shop/db/testing";
import { createLogger } from "@shop/service";
import { createTRPCClient, httpLink } from "@trpc/client";
import { afterAll, beforeAll } from "vitest";
import { createPaymentsApp } from "../src/app.ts";
import type { DecideOutcome } from "../src/domain/outcome.ts";
import type { PaymentsRouter } from "../src/trpc/router.ts";

export interface RestAnswer {
  status: number;
  /** The body exactly as sent, for byte-for-byte comparisons. */
  text: string;
  body: unknown;
  headers: Headers;
}

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
    async rest(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.key !== undefined) headers["idempotency-key"] = options.key;
      let body: string | undefined = options.rawBody;
      if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers["content-type"] ??= "application/json";
      }
      const res = await app.request(path, { method, headers, body });
      const text = await res.text();
      return {
        status: res.status,
        text,
        body: text ? (JSON.parse(text) as unknown) : undefined,
        headers: res.headers,
      };
    },
    trpc() {
      return createTRPCClient<PaymentsRouter>({
        links: [
          httpLink({
            url: "http://payments.test/trpc",
            fetch: async (url: string | URL, init?: RequestInit) => app.request(url.toString(), init),
          }),
        ],
      });
    },
  };
}
