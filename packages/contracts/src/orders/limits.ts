/** The most lines one order may have (after merging lines of the same product). */
export const ORDER_LINES_MAX = 100;
/** The most units of one product per line. */
export const ORDER_QTY_MAX = 1_000;
/** Largest order total in cents ($10,000,000.00): within int4 and what Payments accepts. */
export const ORDER_TOTAL_MAX = 1_000_000_000;
/** Page size bounds of the admin orders index. */
export const ORDER_PAGE_DEFAULT = 20;
export const ORDER_PAGE_MAX = 100;
