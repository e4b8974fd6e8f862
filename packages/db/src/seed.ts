import type { PrismaClient } from "./generated/prisma/client.ts";
import type { SeedShape } from "./seed-pictures.ts";

export interface SeedProduct {
  name: string;
  priceCents: number;
  stockQty: number;
  sku: string;
  description: string;
  /** What its generated picture shows. */
  shape: SeedShape;
}

/** The starter catalog: a dozen products, one of them (the Mug) down to its last unit. */
export const SEED_PRODUCTS: ReadonlyArray<SeedProduct> = [
  {
    name: "Mug",
    priceCents: 1_200,
    stockQty: 1,
    sku: "MUG-350",
    shape: "mug",
    description:
      "A heavy stoneware mug that holds 350 ml and keeps coffee hot. The glaze is speckled oatmeal outside and plain white inside, so you can see the colour of your tea. Dishwasher and microwave safe.",
  },
  {
    name: "Teapot",
    priceCents: 3_400,
    stockQty: 8,
    sku: "POT-1000",
    shape: "pot",
    description:
      "A one-litre porcelain teapot with a built-in stainless steel infuser, enough for four cups. The spout is cut to pour without dripping, and the lid is held by a small tab so it stays put when you pour the last cup.",
  },
  {
    name: "Espresso Cup Set",
    priceCents: 2_600,
    stockQty: 15,
    sku: "ESP-SET4",
    shape: "cups",
    description:
      "Four thick-walled 80 ml espresso cups with saucers. The thick porcelain holds the heat so the crema lasts, and the cups stack neatly on top of the machine to stay warm.",
  },
  {
    name: "Pour-Over Kettle",
    priceCents: 5_900,
    stockQty: 6,
    sku: "KTL-GN",
    shape: "kettle",
    description:
      "A 0.9 litre stainless steel kettle with a gooseneck spout for a slow, steady pour. Works on gas, electric and induction hobs; the handle stays cool and the lid has a thermometer port.",
  },
  {
    name: "Ceramic Dripper",
    priceCents: 2_200,
    stockQty: 20,
    sku: "DRP-02",
    shape: "cone",
    description:
      "A size 02 cone dripper in matte white ceramic, for one to four cups. Spiral ribs let the coffee drain evenly; preheat it with hot water before brewing for the best extraction.",
  },
  {
    name: "Paper Filters (100)",
    priceCents: 700,
    stockQty: 120,
    sku: "FLT-02-100",
    shape: "stack",
    description:
      "One hundred unbleached paper filters that fit size 02 cone drippers. Oxygen-whitened without chlorine, they leave no papery taste; rinse once with hot water before use.",
  },
  {
    name: "Burr Grinder",
    priceCents: 12_900,
    stockQty: 4,
    sku: "GRD-CON",
    shape: "box",
    description:
      "A conical burr grinder with 40 grind settings, from fine espresso to coarse French press. The steel burrs grind slowly and cool, and the hopper holds 250 g of beans.",
  },
  {
    name: "Tea Tin",
    priceCents: 900,
    stockQty: 40,
    sku: "TIN-150",
    shape: "tin",
    description:
      "An airtight tin with a double lid that keeps 150 g of loose-leaf tea fresh and dry. The inner lid presses out the air; the outer one is printed with a small botanical pattern.",
  },
  {
    name: "Linen Napkins (4)",
    priceCents: 1_800,
    stockQty: 25,
    sku: "NAP-LIN4",
    shape: "cloth",
    description:
      "Four stonewashed linen napkins, 45 × 45 cm, soft from the first use and softer with every wash. Mitred corners, in a natural flax colour that goes with every table.",
  },
  {
    name: "Walnut Tray",
    priceCents: 4_500,
    stockQty: 10,
    sku: "TRY-WAL",
    shape: "tray",
    description:
      "A serving tray carved from one piece of oiled walnut, 40 × 25 cm, with raised edges and two hand holds. Wipe clean and oil it now and then; it darkens beautifully with age.",
  },
  {
    name: "Glass Carafe",
    priceCents: 2_900,
    stockQty: 12,
    sku: "CRF-800",
    shape: "carafe",
    description:
      "An 800 ml carafe of heat-resistant borosilicate glass: brew pour-over coffee straight into it, or serve iced water. The wooden collar keeps your hand off the hot glass.",
  },
  {
    name: "Coffee Beans 1 kg",
    priceCents: 3_200,
    stockQty: 50,
    sku: "BNS-HOUSE-1KG",
    shape: "bag",
    description:
      "Our house blend of Brazilian and Ethiopian beans, roasted medium for notes of chocolate, hazelnut and a hint of crème brûlée. Whole beans in a resealable bag with a one-way valve.",
  },
];

/**
 * Insert the starter catalog, each product with its drawn picture, when
 * there are no products at all; otherwise do nothing. Returns how many
 * products were inserted. Safe to run concurrently: a transaction-scoped
 * advisory lock makes the check-then-insert one step.
 */
export async function seedIfEmpty(prisma: PrismaClient): Promise<number> {
  // The usual case (a catalog exists) costs one count, no drawing.
  if ((await prisma.product.count()) > 0) return 0;
  // Drawn before the transaction: the lock is held for the inserts only. sharp
  // (libvips, ~15 MiB resident) is loaded here, not by every service importing @shop/db.
  const { drawSeedPicture } = await import("./seed-pictures.ts");
  const pictures = await Promise.all(SEED_PRODUCTS.map((p) => drawSeedPicture(p.name, p.shape)));
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('shop:seed'))`;
      if ((await tx.product.count()) > 0) return 0;
      for (const [i, { shape: _shape, ...product }] of SEED_PRODUCTS.entries()) {
        const variants = pictures[i]!;
        const main = variants.at(-1)!;
        await tx.product.create({
          data: {
            ...product,
            images: {
              create: {
                position: 0,
                alt: `Illustration of the ${product.name.replace(/ \(\d+\)$/, "").toLowerCase()}`,
                width: main.width,
                height: main.height,
                variants: {
                  create: variants.map((v) => ({ ...v, contentType: "image/webp" })),
                },
              },
            },
          },
        });
      }
      return SEED_PRODUCTS.length;
    },
    { timeout: 30_000 },
  );
}
