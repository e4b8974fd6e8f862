/** The most lines one order may have (after merging lines of the same product). */
export const ORDER_LINES_MAX = 100;
/** The most units of one product per line. */
export const ORDER_QTY_MAX = 1_000;
/** Largest order total in cents ($10,000,000.00): within int4 and what Payments accepts. */
export const ORDER_TOTAL_MAX = 1_000_000_000;
/** Page size bounds of the admin orders index. */
export const ORDER_PAGE_DEFAULT = 20;
export const ORDER_PAGE_MAX = 100;
/** Checkout details' lengths (RFC 5321 caps an address at 254 characters). */
export const EMAIL_MAX = 254;
export const NAME_MAX = 200;
export const PHONE_MAX = 40;
export const ADDRESS_LINE_MAX = 200;
export const CITY_MAX = 100;
export const POSTAL_CODE_MAX = 20;
export const REGION_MAX = 100;
/** Fulfilment and refund details. */
export const CARRIER_MAX = 100;
export const TRACKING_NUMBER_MAX = 100;
export const REFUND_REASON_MAX = 500;
