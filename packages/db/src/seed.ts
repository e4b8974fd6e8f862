import type { PrismaClient } from "./generated/prisma/client.ts";

/** The starter catalog: a dozen products, one of them (the Mug) down to its last unit. */
export const SEED_PRODUCTS: ReadonlyArray<{ name: string; priceCents: number; stockQty: number }> = [
  { name: "Mug", priceCents: 1_200, stockQty: 1 },
  { name: "Teapot", priceCents: 3_400, stockQty: 8 },
  { name: "Espresso Cup Set", priceCents: 2_600, stockQty: 15 },
  { name: "Pour-Over Kettle", priceCents: 5_900, stockQty: 6 },
  { name: "Ceramic Dripper", priceCents: 2_200, stockQty: 20 },
  { name: "Paper Filters (100)", priceCents: 700, stockQty: 120 },
  { name: "Burr Grinder", priceCents: 12_900, stockQty: 4 },
  { name: "Tea Tin", priceCents: 900, stockQty: 40 },
  { name: "Linen Napkins (4)", priceCents: 1_800, stockQty: 25 },
  { name: "Walnut Tray", priceCents: 4_500, stockQty: 10 },
  { name: "Glass Carafe", priceCents: 2_900, stockQty: 12 },
  { name: "Coffee Beans 1 kg", priceCents: 3_200, stockQty: 50 },
];

/**
 * Insert the starter catalog when there are no products at all; otherwise do
 * nothing. Returns how many products were inserted. Safe to run concurrently:
 * a transaction-scoped advisory lock makes the check-then-insert one step.
 */
export async function seedIfEmpty(prisma: PrismaClient): Promise<number> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('shop:seed'))`;
    if ((await tx.product.count()) > 0) return 0;
    const { count } = await tx.product.createMany({ data: [...SEED_PRODUCTS] });
    return count;
  });
}
