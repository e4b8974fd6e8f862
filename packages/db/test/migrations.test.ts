import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, diffDatabaseToSchema } from "../src/index.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing/index.ts";

describe("migrations on the WebAssembly schema engine", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it("leave no drift: the migrated database diffs empty against schema.prisma", async () => {
    expect(await diffDatabaseToSchema(db.url)).toBe("");
  });

  it("see a drift when the database differs from schema.prisma", async () => {
    await db.prisma.$executeRawUnsafe(`ALTER TABLE products ADD COLUMN colour TEXT`);
    try {
      expect(await diffDatabaseToSchema(db.url)).toMatch(/DROP COLUMN "colour"/);
    } finally {
      await db.prisma.$executeRawUnsafe(`ALTER TABLE products DROP COLUMN colour`);
    }
  });

  it("run whole: a function body with semicolons inside applies (the products_updated trigger)", async () => {
    const triggers = await db.prisma.$queryRaw<{ tgname: string }[]>`
      SELECT tgname FROM pg_trigger WHERE tgrelid = 'products'::regclass AND NOT tgisinternal`;
    expect(triggers.map((t) => t.tgname)).toContain("products_updated");
  });

  it("are recorded in _prisma_migrations, and applying again is a no-op", async () => {
    const recorded = await db.prisma.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(recorded.length).toBeGreaterThan(0);
    expect(recorded.every((m) => m.finished_at !== null)).toBe(true);
    expect(await applyMigrations(db.url)).toEqual([]);
  });
});

describe("CHECK constraints", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  const violations: Array<[string, string]> = [
    ["negative stock", `INSERT INTO products (name, price_cents, stock_qty) VALUES ('x', 100, -1)`],
    ["negative price", `INSERT INTO products (name, price_cents, stock_qty) VALUES ('x', -1, 1)`],
    ["negative order total", `INSERT INTO orders (total_cents) VALUES (-5)`],
    [
      "a non-positive charge",
      `INSERT INTO charges (order_id, amount_cents, status) VALUES ('o', 0, 'succeeded')`,
    ],
  ];

  it.each(violations)("refuse %s", async (_what, sql) => {
    await expect(db.prisma.$executeRawUnsafe(sql)).rejects.toThrow(/check constraint/i);
  });

  it("refuse a stock decrement below zero, the last line against overselling", async () => {
    const product = await db.prisma.product.create({ data: { name: "Mug", priceCents: 1_200, stockQty: 1 } });
    await expect(
      db.prisma.$executeRaw`UPDATE products SET stock_qty = stock_qty - 2 WHERE id = ${product.id}::uuid`,
    ).rejects.toThrow(/products_stock_qty_non_negative/);
    expect((await db.prisma.product.findUniqueOrThrow({ where: { id: product.id } })).stockQty).toBe(1);
  });

  it("make an order's stock decrement a HOT update: no index written, until stock reaches zero", async () => {
    const product = await db.prisma.product.create({ data: { name: "Jug", priceCents: 900, stockQty: 2 } });
    // This backend's not yet reported counters (pg_stat_get_xact_*), read around the update.
    const hotUpdates = async (qty: number) =>
      db.prisma.$transaction(async (tx) => {
        const counters = async () => {
          const [row] = await tx.$queryRaw<[{ updated: number; hot: number }]>`
            SELECT pg_stat_get_xact_tuples_updated('products'::regclass)::int AS updated,
                   pg_stat_get_xact_tuples_hot_updated('products'::regclass)::int AS hot`;
          return row;
        };
        const before = await counters();
        await tx.$executeRaw`UPDATE products SET stock_qty = stock_qty - ${qty}, updated_at = now()
                              WHERE id = ${product.id}::uuid`;
        const after = await counters();
        return { updated: after.updated - before.updated, hot: after.hot - before.hot };
      });
    // 2 → 1: sold_out stays false, no indexed value changes.
    expect(await hotUpdates(1)).toEqual({ updated: 1, hot: 1 });
    // 1 → 0: sold_out turns true, so the shelf's index needs the new version.
    expect(await hotUpdates(1)).toEqual({ updated: 1, hot: 0 });
    const [row] = await db.prisma.$queryRaw<[{ sold_out: boolean }]>`
      SELECT sold_out FROM products WHERE id = ${product.id}::uuid`;
    expect(row.sold_out).toBe(true);
  });

  it("refuse an order line with a non-positive quantity", async () => {
    const product = await db.prisma.product.create({ data: { name: "Cup", priceCents: 500, stockQty: 3 } });
    const order = await db.prisma.order.create({ data: { totalCents: 0 } });
    await expect(
      db.prisma.orderItem.create({
        data: { orderId: order.id, productId: product.id, qty: 0, priceCents: 500 },
      }),
    ).rejects.toThrow(/order_items_qty_positive/);
  });
});
