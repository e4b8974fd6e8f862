/** Bounds that keep every number well inside PostgreSQL's int4 and a sane shop. */
export const PRODUCT_NAME_MAX = 200;
export const PRICE_CENTS_MAX = 100_000_000; // $1,000,000.00
export const STOCK_QTY_MAX = 1_000_000;
/** The most ids one batch read may ask for (the gateway's DataLoader batches). */
export const PRODUCT_BATCH_MAX = 500;
