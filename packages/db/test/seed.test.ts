import { afterAll, beforeAll, expect, it } from "vitest";
import { SEED_PRODUCTS, seedIfEmpty } from "../src/index.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing/index.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

it("seeds a dozen products into an empty catalog, a Mug with stock 1 among them", async () => {
  expect(await seedIfEmpty(db.prisma)).toBe(12);
  const products = await db.prisma.product.findMany();
  expect(products).toHaveLength(SEED_PRODUCTS.length);
  expect(products.find((p) => p.name === "Mug")).toMatchObject({ stockQty: 1 });
});

it("does nothing when products exist, even when called concurrently", async () => {
  expect(await Promise.all([seedIfEmpty(db.prisma), seedIfEmpty(db.prisma)])).toEqual([0, 0]);
  expect(await db.prisma.product.count()).toBe(12);
});
