import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createTestDatabase, waitersOnLocks, type TestDatabase } from "@shop/db/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeInOneReplica, type PurgeRun } from "../src/purge.ts";

const run = promisify(execFile);
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

/** Another replica: a separate process with its own connection, as a second Orders or Payments would be. */
async function purgeInAnotherProcess(): Promise<PurgeRun> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", "test/purge-once.ts"], {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    env: { ...process.env, DATABASE_URL: db.url },
  });
  return JSON.parse(stdout.trim()) as PurgeRun;
}

const expired = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => ({
    scope: "test.purge",
    key: `${tag}-${i}`,
    fingerprint: "f",
    responseStatus: 201,
    responseBody: "{}",
    expiresAt: new Date(Date.now() - 60_000),
  }));

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("the idempotency purge across replicas", () => {
  it(
    "runs in one process at a time: a second one skips while the first is purging",
    { timeout: 90_000 },
    async () => {
      await db.prisma.idempotencyKey.createMany({ data: expired(50, "a") });

      // Hold one expired row, so that replica A's DELETE is provably mid-purge
      // (holding the purge lock, waiting on the row) for as long as we like.
      const blocker = new pg.Client({ connectionString: db.url });
      await blocker.connect();
      await blocker.query("BEGIN");
      await blocker.query(
        "SELECT 1 FROM idempotency_keys WHERE scope = 'test.purge' AND key = 'a-0' FOR UPDATE",
      );

      const first = purgeInOneReplica(db.prisma);
      await until(async () => {
        const waiters = await waitersOnLocks(blocker);
        if (waiters.length !== 1) return false;
        // ...and it is A, holding the purge's advisory lock while it waits.
        const { rows } = await blocker.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_locks WHERE pid = $1 AND locktype = 'advisory' AND granted",
          [waiters[0]!.pid],
        );
        return rows[0]?.n === 1;
      });

      // Replica B, a real second process, during A's purge: skips, deletes nothing.
      expect(await purgeInAnotherProcess()).toEqual({ ran: false });
      expect(await db.prisma.idempotencyKey.count({ where: { scope: "test.purge" } })).toBe(50);

      await blocker.query("ROLLBACK");
      await blocker.end();
      expect(await first).toEqual({ ran: true, count: 50 });

      // With A done the lock is free again: B's next round runs (nothing left).
      expect(await purgeInAnotherProcess()).toEqual({ ran: true, count: 0 });
    },
  );

  it("deletes only what has expired", async () => {
    await db.prisma.idempotencyKey.createMany({
      data: [
        ...expired(3, "old"),
        { ...expired(1, "live")[0]!, expiresAt: new Date(Date.now() + 3_600_000) },
      ],
    });
    expect(await purgeInOneReplica(db.prisma)).toEqual({ ran: true, count: 3 });
    expect(await db.prisma.idempotencyKey.count({ where: { scope: "test.purge" } })).toBe(1);
  });
});
