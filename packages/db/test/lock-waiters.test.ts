import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, holdRowLock, waitersOnLocks, type TestDatabase } from "../src/testing/index.ts";

// The race tests count lock waiters to prove their racers overlap; a count
// that cannot move would prove nothing (or hang them), so this pins it down.
describe("waitersOnLocks", () => {
  let db: TestDatabase;
  let productId: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    ({ id: productId } = await db.prisma.product.create({
      data: { name: "Lock", priceCents: 100, stockQty: 1 },
    }));
  });
  afterAll(() => db.drop());

  it("sees a new waiter, and what it runs, from inside a transaction that has already looked (a fresh snapshot each call)", async () => {
    const held = await holdRowLock(db.url, "products", productId);
    const asker = new pg.Client({ connectionString: db.url });
    await asker.connect();
    const waiter = new pg.Client({ connectionString: db.url });
    try {
      await asker.query("BEGIN");
      expect(await waitersOnLocks(asker)).toEqual([]);

      // A racer that connects after that first look, then queues on the row.
      await waiter.connect();

      const waiterPid = (await waiter.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
      const waiting = waiter.query("UPDATE products SET stock_qty = 0 WHERE id = $1", [productId]);
      waiting.catch(() => undefined); // awaited below; ended by `finally` if the test fails first
      await held.untilWaiting(1);

      // The same transaction, asked again: the waiter is there, with what it runs.
      expect(await waitersOnLocks(asker)).toEqual([
        { pid: waiterPid, query: "UPDATE products SET stock_qty = 0 WHERE id = $1" },
      ]);
      // A Prisma client asks the same way.
      expect((await waitersOnLocks(db.prisma)).map((w) => w.pid)).toEqual([waiterPid]);

      await held.release();
      await waiting;
      expect(await waitersOnLocks(asker)).toEqual([]);
      await asker.query("COMMIT");
    } finally {
      await held.release().catch(() => undefined);
      await asker.end();
      await waiter.end();
    }
  });
});
