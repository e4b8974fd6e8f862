import { z } from "zod";
import { ProductImage } from "./images.ts";
import { CATALOG_PAGE_DEFAULT, CATALOG_PAGE_MAX, CATALOG_SEARCH_MAX } from "./limits.ts";
import { Product } from "./products.ts";

/** A product with its content: the four locked fields plus description, SKU and pictures (first = main). */
export const ProductDetail = Product.extend({
  description: z.string(),
  sku: z.string().nullable(),
  images: z.array(ProductImage),
}).meta({ id: "ProductDetail" });
export type ProductDetail = z.infer<typeof ProductDetail>;

/** The catalog's orders. With a search and no sort, best match first. */
export const CatalogSort = z.enum(["name", "price_asc", "price_desc", "newest"]).meta({ id: "CatalogSort" });
export type CatalogSort = z.infer<typeof CatalogSort>;

/** "true"/"false" from a query string, or a boolean from tRPC. */
const QueryBoolean = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);

/**
 * One catalog page: `GET /products?limit=&cursor=&q=&sort=&in_stock=` and
 * tRPC `products.page`, validated by this one schema (numbers and booleans
 * may arrive as query-string text).
 */
export const CatalogPageInput = z
  .strictObject({
    limit: z.coerce.number().int().min(1).max(CATALOG_PAGE_MAX).default(CATALOG_PAGE_DEFAULT),
    cursor: z.string().min(1).max(500).optional(),
    q: z.string().trim().max(CATALOG_SEARCH_MAX).optional(),
    sort: CatalogSort.optional(),
    in_stock: QueryBoolean.optional(),
    /** Count every match too (GraphQL's totalCount asks; REST does not). */
    with_total: QueryBoolean.optional(),
  })
  .meta({ id: "CatalogPageInput" });
export type CatalogPageInput = z.input<typeof CatalogPageInput>;
export type CatalogPageQuery = z.output<typeof CatalogPageInput>;

export const CatalogPage = z.object({
  items: z.array(ProductDetail),
  /** Each item's own cursor (a page starting after it), for GraphQL's edges. */
  cursors: z.array(z.string()),
  /** Pass as `cursor` for the next page; null on the last page. */
  next_cursor: z.string().nullable(),
  /** Every product matching the filters (only when `with_total` asked). */
  total_count: z.number().int().nullable(),
});
export type CatalogPage = z.infer<typeof CatalogPage>;

/** The admin's products list: archived ones too, searchable, newest first. */
export const AdminCatalogPageInput = z.strictObject({
  limit: z.coerce.number().int().min(1).max(CATALOG_PAGE_MAX).default(50),
  cursor: z.string().min(1).max(500).optional(),
  q: z.string().trim().max(CATALOG_SEARCH_MAX).optional(),
});
export type AdminCatalogPageInput = z.input<typeof AdminCatalogPageInput>;
