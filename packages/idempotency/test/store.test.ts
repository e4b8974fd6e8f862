import { createTestDatabase, type TestDatabase } from "@shop/db/testing";
import { ServiceError } from "@shop/service";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprintOf } from "../src/fingerprint.ts";
import { purgeExpiredKeys, runIdempotent, type IdempotentRequest, type Tx } from "../src/store.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

const HOUR = 3_600_000;
let n = 0;
const request = (body: unknown, overrides: Partial<IdempotentRequest> = {}): IdempotentRequest => ({
  scope: "test.charge",
  key: `key-${++n}`,
  fingerprint: fingerprintOf(body),
  ttlMs: HOUR,
  ...overrides,
});

/** The work under test: one charge row per execution, so executions can be counted. */
const chargeWork = (orderId: string) => async (tx: Tx) => {
  const charge = await tx.charge.create({ data: { orderId, amountCents: 500, status: "succeeded" } });
  return { status: charge.status, charge_id: charge.id };
};
const chargesFor = (orderId: string) => db.prisma.charge.count({ where: { orderId } });

async function failure(call: Promise<unknown>): Promise<ServiceError> {
  try {
    await call;
  } catch (err) {
    if (err instanceof ServiceError) return err;
    throw err;
  }
  throw new Error("expected a ServiceError");
}

describe("runIdempotent against PostgreSQL", () => {
  it("runs the work once, then replays the stored answer byte for byte", async () => {
    const req = request({ order_id: "o-replay" });
    const first = await runIdempotent(db.prisma, req, chargeWork("o-replay"));
    const second = await runIdempotent(db.prisma, req, chargeWork("o-replay"));
    expect(first.replayed).toBe(false);
    expect(second).toEqual({ replayed: true, bodyText: first.bodyText });
    expect(await chargesFor("o-replay")).toBe(1);
  });

  it("refuses the same key with a different body: 422, no second effect", async () => {
    const req = request({ order_id: "o-mismatch", amount_cents: 1 });
    await runIdempotent(db.prisma, req, chargeWork("o-mismatch"));
    const err = await failure(
      runIdempotent(
        db.prisma,
        { ...req, fingerprint: fingerprintOf({ other: true }) },
        chargeWork("o-mismatch"),
      ),
    );
    expect(err).toMatchObject({ code: "idempotency_key_reused", status: 422 });
    expect(await chargesFor("o-mismatch")).toBe(1);
  });

  it("keeps keys of different scopes apart", async () => {
    const req = request({ order_id: "o-scope" });
    await runIdempotent(db.prisma, req, chargeWork("o-scope"));
    const other = await runIdempotent(db.prisma, { ...req, scope: "test.other" }, chargeWork("o-scope"));
    expect(other.replayed).toBe(false);
    expect(await chargesFor("o-scope")).toBe(2);
  });

  it("answers 409 to a request made while the first with its key is in flight", async () => {
    const req = request({ order_id: "o-inflight" });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const workStarted = new Promise<void>((resolve) => (started = resolve));
    const first = runIdempotent(db.prisma, req, async (tx) => {
      started();
      await held;
      return chargeWork("o-inflight")(tx);
    });
    await workStarted;
    const err = await failure(runIdempotent(db.prisma, req, chargeWork("o-inflight")));
    expect(err).toMatchObject({ code: "idempotency_key_in_use", status: 409 });
    release();
    expect((await first).replayed).toBe(false);
    expect(await chargesFor("o-inflight")).toBe(1);
  });

  it("executes exactly once for 25 concurrent requests with one new key", async () => {
    const req = request({ order_id: "o-25" });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 25 }, () => runIdempotent(db.prisma, req, chargeWork("o-25"))),
    );
    expect(await chargesFor("o-25")).toBe(1);
    const answers = outcomes.filter((o) => o.status === "fulfilled").map((o) => o.value.bodyText);
    expect(new Set(answers).size).toBe(1);
    for (const o of outcomes) {
      if (o.status === "rejected") expect(o.reason).toMatchObject({ code: "idempotency_key_in_use" });
    }
  });

  it("replays a completed key while another retry holds its lock (retries arriving together all get the answer)", async () => {
    const req = request({ order_id: "o-replay-locked" });
    const first = await runIdempotent(db.prisma, req, chargeWork("o-replay-locked"));
    let release!: () => void;
    let held!: () => void;
    const locked = new Promise<void>((r) => (held = r));
    const otherRetry = db.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${req.scope} || ':' || ${req.key}, 0))`;
      held();
      await new Promise<void>((r) => (release = r));
    });
    await locked;
    try {
      const replay = await runIdempotent(db.prisma, req, chargeWork("o-replay-locked"));
      expect(replay).toEqual({ replayed: true, bodyText: first.bodyText });
      const other = await failure(
        runIdempotent(
          db.prisma,
          { ...req, fingerprint: fingerprintOf({ order_id: "else" }) },
          chargeWork("x"),
        ),
      );
      expect(other).toMatchObject({ code: "idempotency_key_reused", status: 422 });
    } finally {
      release();
      await otherRetry;
    }
    expect(await chargesFor("o-replay-locked")).toBe(1);
  });

  it("stores nothing when the work fails, so a retry runs it again", async () => {
    const req = request({ order_id: "o-fail" });
    await expect(
      runIdempotent(db.prisma, req, async (tx) => {
        await chargeWork("o-fail")(tx);
        throw new ServiceError("insufficient_stock", "no");
      }),
    ).rejects.toMatchObject({ code: "insufficient_stock" });
    expect(await chargesFor("o-fail")).toBe(0);
    expect((await runIdempotent(db.prisma, req, chargeWork("o-fail"))).replayed).toBe(false);
    expect(await chargesFor("o-fail")).toBe(1);
  });

  it("treats an expired key as new, and the purge deletes expired keys only", async () => {
    const expired = request({ order_id: "o-expired" }, { ttlMs: -1 });
    await runIdempotent(db.prisma, expired, chargeWork("o-expired"));
    const again = await runIdempotent(db.prisma, { ...expired, ttlMs: HOUR }, chargeWork("o-expired"));
    expect(again.replayed).toBe(false);
    expect(await chargesFor("o-expired")).toBe(2);

    const stale = request({ order_id: "o-purge" }, { ttlMs: -1 });
    await runIdempotent(db.prisma, stale, chargeWork("o-purge"));
    const liveBefore = await db.prisma.idempotencyKey.count({ where: { expiresAt: { gt: new Date() } } });
    expect(await purgeExpiredKeys(db.prisma)).toBeGreaterThanOrEqual(1);
    expect(await db.prisma.idempotencyKey.count({ where: { expiresAt: { lte: new Date() } } })).toBe(0);
    expect(await db.prisma.idempotencyKey.count()).toBe(liveBefore);
  });
});
