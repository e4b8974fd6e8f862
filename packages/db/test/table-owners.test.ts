/**
 * One owner per table, in the database itself: every table has an owner,
 * every SQL function the migrations define has one, and a function writes
 * only its owner's tables (Orders' place_order takes stock through
 * Inventory's inventory_take_stock, it does not UPDATE products).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mayWrite, SQL_FUNCTION_OWNERS, TABLE_OWNERS, tablesWrittenBy } from "../src/table-owners.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing/index.ts";

describe("one owner per table, in the migrated database", () => {
  let db: TestDatabase;
  let functions: { name: string; source: string }[];
  beforeAll(async () => {
    db = await createTestDatabase();
    // The public schema's own functions; an extension's (pg_trgm, unaccent) are its own.
    functions = await db.prisma.$queryRaw<{ name: string; source: string }[]>`
      SELECT p.proname AS name, p.prosrc AS source
        FROM pg_proc p
       WHERE p.pronamespace = 'public'::regnamespace
         AND NOT EXISTS (SELECT 1 FROM pg_depend d
                          WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
       ORDER BY p.proname`;
  });
  afterAll(() => db.drop());

  it("gives every table an owner", async () => {
    const tables = await db.prisma.$queryRaw<{ name: string }[]>`
      SELECT tablename AS name FROM pg_tables
       WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`;
    expect(tables.length).toBeGreaterThan(10);
    expect(tables.map((t) => t.name).filter((name) => !TABLE_OWNERS[name])).toEqual([]);
  });

  it("gives every SQL function an owner", () => {
    expect(functions.map((f) => f.name)).toContain("place_order");
    expect(functions.map((f) => f.name).filter((name) => !SQL_FUNCTION_OWNERS[name])).toEqual([]);
  });

  it("has each function write only its owner's tables", () => {
    const trespasses = functions.flatMap(({ name, source }) =>
      tablesWrittenBy(source)
        .filter((table) => TABLE_OWNERS[table] && !mayWrite(SQL_FUNCTION_OWNERS[name]!, table))
        .map((table) => `${name} writes ${table}`),
    );
    expect(trespasses).toEqual([]);
  });

  it("sees a trespass: place_order as it was before Inventory's stock functions", () => {
    const before = `INSERT INTO "order_items" (order_id) SELECT 1;
      UPDATE "products" p SET stock_qty = p.stock_qty - l.qty FROM x l WHERE p.id = l.product_id;`;
    expect(tablesWrittenBy(before)).toEqual(["order_items", "products"]);
    expect(mayWrite("orders", "products")).toBe(false);
    expect(mayWrite("inventory", "products")).toBe(true);
    expect(mayWrite("orders", "idempotency_keys")).toBe(true);
    expect(mayWrite("payments", "orders")).toBe(false);
  });
});
