import { z } from "zod";
import { Uuid } from "../ids.ts";
import { PRICE_CENTS_MAX, PRODUCT_BATCH_MAX, PRODUCT_NAME_MAX, STOCK_QTY_MAX } from "./limits.ts";

const PriceCents = z
  .number()
  .int("must be a whole number of cents")
  .min(0, "must not be negative")
  .max(PRICE_CENTS_MAX, `must be at most ${PRICE_CENTS_MAX}`);

const StockQty = z
  .number()
  .int("must be a whole number")
  .min(0, "must not be negative")
  .max(STOCK_QTY_MAX, `must be at most ${STOCK_QTY_MAX}`);

const ProductName = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .regex(/^[^\p{Cc}]*$/u, "must not contain control characters")
  .max(PRODUCT_NAME_MAX, `must be at most ${PRODUCT_NAME_MAX} characters`);

/** A catalog product: the locked `GET /products` item, field names exact. */
export const Product = z
  .object({
    id: Uuid,
    name: z.string(),
    price_cents: z.number().int(),
    stock_qty: z.number().int(),
  })
  .meta({ id: "Product" });
export type Product = z.infer<typeof Product>;

export const ProductList = z.array(Product).meta({ id: "ProductList" });
export type ProductList = z.infer<typeof ProductList>;

/**
 * A conditional read of the catalog (tRPC `products.catalog`): send the
 * version you hold; `products` is null when the catalog has not changed since.
 */
export const CatalogInput = z.object({ ifVersion: z.string().max(100).optional() });
export type CatalogInput = z.infer<typeof CatalogInput>;

export const VersionedCatalog = z.object({
  /** Changes whenever any product changes; opaque, compare for equality only. */
  version: z.string(),
  products: ProductList.nullable(),
});
export type VersionedCatalog = z.infer<typeof VersionedCatalog>;

/** Wait (long poll) until the catalog's version differs from `since`, or `waitMs` passes. */
export const CatalogChangeInput = z.object({
  since: z.string().max(100),
  waitMs: z.number().int().min(0).max(30_000),
});
export type CatalogChangeInput = z.infer<typeof CatalogChangeInput>;

/** What the admin sees: the product plus its lifecycle times. */
export const AdminProduct = Product.extend({
  archived_at: z.iso.datetime().nullable(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
}).meta({ id: "AdminProduct" });
export type AdminProduct = z.infer<typeof AdminProduct>;

export const AdminProductList = z.array(AdminProduct).meta({ id: "AdminProductList" });
export type AdminProductList = z.infer<typeof AdminProductList>;

/** `POST /products`. */
export const CreateProductInput = z
  .strictObject({
    name: ProductName,
    price_cents: PriceCents,
    stock_qty: StockQty,
  })
  .meta({ id: "CreateProductInput" });
export type CreateProductInput = z.infer<typeof CreateProductInput>;

/** `PATCH /products/:id`: name and/or price; stock has its own door. */
export const UpdateProductInput = z
  .strictObject({
    name: ProductName.optional(),
    price_cents: PriceCents.optional(),
  })
  .refine((v) => v.name !== undefined || v.price_cents !== undefined, {
    message: "give name or price_cents",
  })
  .meta({ id: "UpdateProductInput" });
export type UpdateProductInput = z.infer<typeof UpdateProductInput>;

/** `PATCH /products/:id/stock`: set an absolute level, or adjust by a delta. */
export const StockChangeInput = z
  .union([
    z.strictObject({ stock_qty: StockQty }),
    z.strictObject({
      delta: z
        .number()
        .int("must be a whole number")
        .min(-STOCK_QTY_MAX)
        .max(STOCK_QTY_MAX)
        .refine((d) => d !== 0, "must not be zero"),
    }),
  ])
  .meta({
    id: "StockChangeInput",
    description: "Either {stock_qty} to set the level or {delta} to adjust it.",
  });
export type StockChangeInput = z.infer<typeof StockChangeInput>;

/** A batch read by ids (archived products included: old orders name them). */
export const ProductsByIdsInput = z.object({
  ids: z.array(Uuid).min(1).max(PRODUCT_BATCH_MAX),
});
export type ProductsByIdsInput = z.infer<typeof ProductsByIdsInput>;
