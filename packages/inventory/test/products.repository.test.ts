import { createTestDatabase, type TestDatabase } from "@shop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as products from "../src/domain/products.ts";

/** The domain functions straight against a real PostgreSQL. */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});
const db = () => database.prisma;

describe("products repository", () => {
  it("lists the catalog by name", async () => {
    await products.createProduct(db(), { name: "Zither", price_cents: 1, stock_qty: 1 });
    await products.createProduct(db(), { name: "Accordion", price_cents: 1, stock_qty: 1 });
    const names = (await products.listCatalog(db())).map((p) => p.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it("returns batch reads in the order asked, skipping unknown ids", async () => {
    const a = await products.createProduct(db(), { name: "A", price_cents: 100, stock_qty: 1 });
    const b = await products.createProduct(db(), { name: "B", price_cents: 200, stock_qty: 2 });
    const unknown = "00000000-0000-4000-8000-000000000000";
    // Batch reads carry the content too (order lines show it): the product as created, and more.
    expect(await products.getProductsByIds(db(), [b.id, unknown, a.id, b.id])).toMatchObject([b, a, b]);
  });

  it("loses no update when many stock deltas race, and never goes below zero", async () => {
    const p = await products.createProduct(db(), { name: "Raced", price_cents: 100, stock_qty: 10 });
    const results = await Promise.allSettled(
      Array.from({ length: 25 }, () => products.changeStock(db(), p.id, { delta: -1 })),
    );
    const won = results.filter((r) => r.status === "fulfilled").length;
    expect(won).toBe(10);
    for (const r of results) {
      if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "insufficient_stock" });
    }
    expect((await products.getCatalogProduct(db(), p.id)).stock_qty).toBe(0);
  });

  it("is guarded by the CHECK constraint even when the domain is bypassed", async () => {
    const p = await products.createProduct(db(), { name: "Guarded", price_cents: 100, stock_qty: 1 });
    await expect(db().product.update({ where: { id: p.id }, data: { stockQty: -1 } })).rejects.toThrow();
    expect((await products.getCatalogProduct(db(), p.id)).stock_qty).toBe(1);
  });
});
