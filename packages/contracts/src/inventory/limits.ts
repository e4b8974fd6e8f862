/** Bounds that keep every number well inside PostgreSQL's int4 and a sane shop. */
export const PRODUCT_NAME_MAX = 200;
export const PRICE_CENTS_MAX = 100_000_000; // $1,000,000.00
export const STOCK_QTY_MAX = 1_000_000;
/** The most ids one batch read may ask for (the gateway's DataLoader batches). */
export const PRODUCT_BATCH_MAX = 500;
export const PRODUCT_DESCRIPTION_MAX = 5_000;
export const PRODUCT_SKU_MAX = 64;
export const IMAGE_ALT_MAX = 300;
/** Images per product. */
export const PRODUCT_IMAGES_MAX = 10;
/** An uploaded image file. */
export const IMAGE_UPLOAD_MAX_BYTES = 5 * 1024 * 1024;
/** Decoded pixels an upload may have (about 40 megapixels): more is a decompression bomb. */
export const IMAGE_PIXELS_MAX = 40_000_000;
/** The widths an image is stored at (never wider than the original). */
export const IMAGE_WIDTHS = [320, 640, 1280] as const;
/** Catalog pages: 1..100 products, 24 by default (the web shop's page). */
export const CATALOG_PAGE_MAX = 100;
/** The most products one slice of the whole catalog (tRPC `products.catalogSlice`) carries. */
export const CATALOG_SLICE_MAX = 1_000;
export const CATALOG_PAGE_DEFAULT = 24;
export const CATALOG_SEARCH_MAX = 200;
