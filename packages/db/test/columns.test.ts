import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tableColumns } from "../src/columns.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing/index.ts";

// tsc checks the column lists against the Prisma models; this checks them
// against the migrated database, so a mistyped column name fails here.
describe("the column lists", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it.each(Object.entries(tableColumns))("name every column of %s, and only those", async (table, columns) => {
    const rows = await db.prisma.$queryRaw<Array<{ column_name: string }>>`
      SELECT column_name FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = ${table}`;
    expect(rows.map((r) => r.column_name).sort()).toEqual(Object.values(columns).sort());
  });
});
