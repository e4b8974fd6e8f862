import { z } from "zod";
import { Uuid } from "../ids.ts";
import { ProductImage } from "./images.ts";
import {
  CATALOG_SLICE_MAX,
  PRICE_CENTS_MAX,
  PRODUCT_BATCH_MAX,
  PRODUCT_DESCRIPTION_MAX,
  PRODUCT_NAME_MAX,
  PRODUCT_SKU_MAX,
  STOCK_QTY_MAX,
} from "./limits.ts";

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

/** Plain text; line breaks and tabs allowed, other control characters not. */
const ProductDescription = z
  .string()
  .trim()
  .max(PRODUCT_DESCRIPTION_MAX, `must be at most ${PRODUCT_DESCRIPTION_MAX} characters`)
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/u, "must not contain control characters");

/** Letters, digits and - _ . /; unique across products; null removes it. */
const ProductSku = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(PRODUCT_SKU_MAX, `must be at most ${PRODUCT_SKU_MAX} characters`)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, "may hold letters, digits and . _ / - only")
  .nullable();

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
 * content version and the stock stamp you hold; `products` is null when the
 * content has not changed since, `stock` null when no stock level has.
 */
export const CatalogInput = z.object({
  ifVersion: z.string().max(100).optional(),
  ifStock: z.string().max(100).optional(),
});
export type CatalogInput = z.infer<typeof CatalogInput>;

export const VersionedCatalog = z.object({
  /** The content version (the database's): moves when any product's content changes, not its stock. */
  version: z.string(),
  /** A digest of every stock level: equal stamps, equal stock. */
  stock_stamp: z.string(),
  products: ProductList.nullable(),
  /** Each product's stock level, in the order of the catalog at `version`. */
  stock: z.array(z.number().int()).nullable(),
  /**
   * True when the catalog has more products than Inventory holds in memory:
   * `products` and `stock` are then null and `stock_stamp` empty; read the
   * catalog in slices (`products.catalogSlice`).
   */
  oversized: z.boolean().optional(),
});
export type VersionedCatalog = z.infer<typeof VersionedCatalog>;

/**
 * One slice of the whole catalog, by name (tRPC `products.catalogSlice`): the
 * products after `after` (the previous slice's `next`). Slices are read one
 * after another, not in one snapshot: a product renamed meanwhile may move.
 */
export const CatalogSliceInput = z.strictObject({
  after: z.string().min(1).max(500).optional(),
  limit: z.number().int().min(1).max(CATALOG_SLICE_MAX).default(CATALOG_SLICE_MAX),
});
export type CatalogSliceInput = z.input<typeof CatalogSliceInput>;

export const CatalogSlice = z.object({
  products: ProductList,
  /** Pass as `after` for the next slice; null after the last. */
  next: z.string().nullable(),
});
export type CatalogSlice = z.infer<typeof CatalogSlice>;

/** Wait (long poll) until the catalog's version differs from `since`, or `waitMs` passes. */
export const CatalogChangeInput = z.object({
  since: z.string().max(100),
  waitMs: z.number().int().min(0).max(30_000),
});
export type CatalogChangeInput = z.infer<typeof CatalogChangeInput>;

/** What the admin sees: the product plus its lifecycle times. */
export const AdminProduct = Product.extend({
  description: z.string(),
  sku: z.string().nullable(),
  images: z.array(ProductImage),
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
    description: ProductDescription.optional(),
    sku: ProductSku.optional(),
  })
  .meta({ id: "CreateProductInput" });
export type CreateProductInput = z.infer<typeof CreateProductInput>;

/** `PATCH /products/:id`: name, price, description and/or SKU; stock has its own door. */
export const UpdateProductInput = z
  .strictObject({
    name: ProductName.optional(),
    price_cents: PriceCents.optional(),
    description: ProductDescription.optional(),
    sku: ProductSku.optional(),
  })
  .refine((v) => Object.values(v).some((field) => field !== undefined), {
    message: "give name, price_cents, description or sku",
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
