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
}, 60_000);

it("does nothing when products exist, even when called concurrently", async () => {
  expect(await Promise.all([seedIfEmpty(db.prisma), seedIfEmpty(db.prisma)])).toEqual([0, 0]);
  expect(await db.prisma.product.count()).toBe(12);
});

it("gives every seed product a description, a SKU and a drawn picture at two widths", async () => {
  const products = await db.prisma.product.findMany({ include: { images: { include: { variants: true } } } });
  for (const product of products) {
    expect(product.description.length).toBeGreaterThan(80);
    expect(product.sku).toMatch(/^[A-Z0-9-]+$/);
    expect(product.images).toHaveLength(1);
    expect(product.images[0]!.alt).toMatch(/^Illustration of the /);
    expect(product.images[0]!.variants.map((v) => v.width).sort((a, b) => a - b)).toEqual([320, 640]);
    const webp = product.images[0]!.variants[0]!.bytes;
    expect(Buffer.from(webp.subarray(8, 12)).toString("ascii")).toBe("WEBP");
  }
});
