import { hashPassword } from "@shop/staff";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { weirdString } from "../../src/arbitraries.ts";
import { useBadInputShop } from "../../src/bad-input.ts";
import { RUNS, SEED } from "../../src/property.ts";

// Sign-in under generated input: whatever the email and password, a GraphQL
// error a person can read (wrong credentials, invalid input, or slowed down),
// never a session, a cookie, an internal error, or a row written.
const shop = useBadInputShop("sign-in.property");
const REAL = { email: "real-person@shop.test", password: "the real password, long" };
const SIGN_IN = `mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { id } }`;
const ACCEPTED_CODES = new Set(["UNAUTHORIZED", "VALIDATION_FAILED", "RATE_LIMITED"]);

beforeAll(async () => {
  // A real account too, so wrong passwords for an email that exists are tried as well.
  const hash = await hashPassword(REAL.password);
  await shop.context.query(
    `INSERT INTO staff_members (email, password_hash, role) VALUES ('${REAL.email}', '${hash}', 'manager') RETURNING id`,
  );
}, 60_000);

const counts = async () => {
  const [row] = (await shop.context.query(
    "SELECT (SELECT count(*) FROM staff_sessions)::int AS sessions, (SELECT count(*) FROM audit_log)::int AS audit",
  )) as Array<{ sessions: number; audit: number }>;
  return row;
};

describe("signIn under generated input", () => {
  it("refuses every wrong or broken email and password, and writes nothing", async () => {
    const email = fc.oneof(
      { weight: 2, arbitrary: fc.constant(REAL.email) },
      { weight: 2, arbitrary: fc.emailAddress() },
      { weight: 3, arbitrary: weirdString },
      { weight: 1, arbitrary: fc.string({ minLength: 255, maxLength: 2_000 }) },
    );
    const password = fc.oneof(
      { weight: 3, arbitrary: weirdString },
      { weight: 1, arbitrary: fc.constant("") },
      { weight: 1, arbitrary: fc.string({ minLength: 257, maxLength: 5_000 }) },
      { weight: 1, arbitrary: fc.constant(REAL.password.toUpperCase()) },
    );
    await fc.assert(
      fc.asyncProperty(email, password, async (e, p) => {
        const before = await counts();
        const answer = await shop.stack.request("gateway", {
          method: "POST",
          path: "/graphql",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: SIGN_IN, variables: { email: e, password: p } }),
        });
        expect(answer.status).toBeLessThan(500);
        expect(answer.headers.get("set-cookie")).toBeNull();
        const body = JSON.parse(answer.text) as {
          data?: unknown;
          errors?: Array<{ extensions?: { code?: string } }>;
        };
        expect(body.errors?.length).toBeGreaterThan(0);
        for (const error of body.errors ?? []) expect(ACCEPTED_CODES).toContain(error.extensions?.code);
        expect(await counts()).toEqual(before);
      }),
      // argon2id is slow on purpose: fewer runs than the other suites.
      { seed: SEED, numRuns: Math.min(RUNS, 40) },
    );
  });
});
