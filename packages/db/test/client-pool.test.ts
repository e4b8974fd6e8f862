import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, poolOf } from "../src/client.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing/index.ts";

describe("the pool under a Prisma client", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it("outlives an idle connection the database ends, used only by statements sent straight to it, and serves the next", async () => {
    // As Inventory's pages and Orders' placement use it: no Prisma query yet, so
    // Prisma's adapter has not connected (and put its own error listener on the pool).
    const prisma = createPrismaClient(db.url, { maxConnections: 1 });
    const pool = poolOf(prisma)!;
    try {
      const { rows } = await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      expect(pool.idleCount).toBe(1);
      // A restarted database or a failover ends idle sessions just so (57P01). The
      // pool reports it as an 'error' event, which with no listener ends the process.
      await db.prisma.$queryRaw`SELECT pg_terminate_backend(${rows[0]!.pid}::int)`;
      for (let waited = 0; pool.totalCount > 0 && waited < 5_000; waited += 20) await sleep(20);
      expect(pool.totalCount).toBe(0);
      const next = await pool.query<{ one: number }>("SELECT 1 AS one");
      expect(next.rows).toEqual([{ one: 1 }]);
    } finally {
      await prisma.$disconnect();
    }
  });
});
