/**
 * What every bad-input test file starts from: its own database with the
 * fixture rows, the whole shop in-process over it, and a tally.
 */
import { createTestDatabase, type TestDatabase } from "@shop/db/testing";
import fc from "fast-check";
import { afterAll, beforeAll } from "vitest";
import { problemWithRefusal } from "./answers.ts";
import { badAuthorization } from "./arbitraries.ts";
import { seedShop, type Shop } from "./fixtures.ts";
import { forAllInputs, type PropertyContext } from "./property.ts";
import {
  ADMIN_TOKEN,
  inProcessStack,
  type HttpCall,
  type InProcessStack,
  type ServiceName,
} from "./stack.ts";
import { useTally } from "./tally.ts";

/** One generated REST request, and the statuses that are right for it (any 4xx unless given). */
export interface RestCase {
  call: HttpCall;
  statuses?: readonly number[];
}

export interface BadInputShop {
  readonly shop: Shop;
  readonly stack: InProcessStack;
  readonly context: PropertyContext;
  /** For every generated case: a refusal of the documented shape, and no change to the database. */
  refusesAll(name: string, target: ServiceName, cases: fc.Arbitrary<RestCase>): Promise<void>;
}

export function useBadInputShop(file: string): BadInputShop {
  const tally = useTally(file);
  let database: TestDatabase;
  let stack: InProcessStack;
  let shop: Shop;
  beforeAll(async () => {
    database = await createTestDatabase();
    stack = inProcessStack(database.prisma);
    shop = await seedShop(stack);
  });
  afterAll(() => database.drop());

  const context: PropertyContext = {
    query: (sql) => database.prisma.$queryRawUnsafe(sql),
    tally,
  };
  return {
    get shop() {
      return shop;
    },
    get stack() {
      return stack;
    },
    context,
    refusesAll: (name, target, cases) =>
      forAllInputs(context, name, cases, async ({ call, statuses }) => {
        const answer = await stack.request(target, call);
        tally.status(answer.status);
        return problemWithRefusal(answer, statuses);
      }),
  };
}

/**
 * The same requests with a wrong or missing admin token: 401, whatever else
 * they say (or 413 for a body over the limit, refused before it is read).
 */
export function withoutAdminToken(calls: fc.Arbitrary<HttpCall>): fc.Arbitrary<RestCase> {
  return fc.tuple(calls, badAuthorization(ADMIN_TOKEN)).map(([call, authorization]): RestCase => {
    const { authorization: _admin, ...headers } = call.headers ?? {};
    return {
      call: { ...call, headers: authorization === undefined ? headers : { ...headers, authorization } },
      statuses: [401, 413],
    };
  });
}
