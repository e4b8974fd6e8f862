import type {
  CatalogVersion,
  Charge,
  EmailOutbox,
  IdempotencyKey,
  Order,
  OrderEvent,
  OrderItem,
  OrderRefund,
  Product,
  ProductImage,
  ProductImageVariant,
  Refund,
} from "./generated/prisma/client.ts";

/**
 * Every column of every table, as `Prisma field → database column`: the one
 * list raw SQL builds its column lists from (a RETURNING clause, the
 * reliability snapshot's digests). The `satisfies` makes tsc name a field a
 * model gained or lost; test/columns.test.ts checks the database agrees.
 */
type ColumnsOf<Model> = { readonly [Field in keyof Model]-?: string };

export const productColumns = {
  id: "id",
  name: "name",
  priceCents: "price_cents",
  stockQty: "stock_qty",
  description: "description",
  sku: "sku",
  archivedAt: "archived_at",
  createdAt: "created_at",
  updatedAt: "updated_at",
  // Kept by a trigger from name, SKU and description; read only by search.
  searchText: "search_text",
} as const satisfies ColumnsOf<Product>;

/**
 * Columns outside Prisma's client, in the table's list: the tsvector kept by
 * a trigger (read by search's raw SQL only), and sold_out, which PostgreSQL
 * computes from stock_qty for the shelf's index (read by the shelf's raw SQL).
 */
const productComputedColumns = { searchVector: "search_vector", soldOut: "sold_out" } as const;

export const productImageColumns = {
  id: "id",
  productId: "product_id",
  position: "position",
  alt: "alt",
  width: "width",
  height: "height",
  createdAt: "created_at",
} as const satisfies ColumnsOf<ProductImage>;

export const productImageVariantColumns = {
  imageId: "image_id",
  width: "width",
  height: "height",
  contentType: "content_type",
  etag: "etag",
  bytes: "bytes",
} as const satisfies ColumnsOf<ProductImageVariant>;

export const catalogVersionColumns = {
  id: "id",
  version: "version",
} as const satisfies ColumnsOf<CatalogVersion>;

export const orderColumns = {
  id: "id",
  status: "status",
  totalCents: "total_cents",
  captureAttempts: "capture_attempts",
  chargeId: "charge_id",
  createdAt: "created_at",
  updatedAt: "updated_at",
  number: "number",
  accessTokenHash: "access_token_hash",
  customerEmail: "customer_email",
  customerName: "customer_name",
  customerPhone: "customer_phone",
  shipLine1: "ship_line1",
  shipLine2: "ship_line2",
  shipCity: "ship_city",
  shipPostalCode: "ship_postal_code",
  shipRegion: "ship_region",
  shipCountry: "ship_country",
  capturedCents: "captured_cents",
  refundedCents: "refunded_cents",
  fulfilledAt: "fulfilled_at",
  carrier: "carrier",
  trackingNumber: "tracking_number",
} as const satisfies ColumnsOf<Order>;

export const orderEventColumns = {
  id: "id",
  orderId: "order_id",
  type: "type",
  actor: "actor",
  requestId: "request_id",
  data: "data",
  createdAt: "created_at",
} as const satisfies ColumnsOf<OrderEvent>;

export const orderRefundColumns = {
  id: "id",
  orderId: "order_id",
  amountCents: "amount_cents",
  reason: "reason",
  createdAt: "created_at",
} as const satisfies ColumnsOf<OrderRefund>;

export const emailOutboxColumns = {
  id: "id",
  orderId: "order_id",
  kind: "kind",
  recipient: "recipient",
  attempts: "attempts",
  nextAttemptAt: "next_attempt_at",
  lastError: "last_error",
  sentAt: "sent_at",
  createdAt: "created_at",
} as const satisfies ColumnsOf<EmailOutbox>;

export const refundColumns = {
  id: "id",
  chargeId: "charge_id",
  amountCents: "amount_cents",
  createdAt: "created_at",
} as const satisfies ColumnsOf<Refund>;

export const orderItemColumns = {
  orderId: "order_id",
  productId: "product_id",
  qty: "qty",
  priceCents: "price_cents",
} as const satisfies ColumnsOf<OrderItem>;

export const chargeColumns = {
  id: "id",
  orderId: "order_id",
  amountCents: "amount_cents",
  status: "status",
  createdAt: "created_at",
} as const satisfies ColumnsOf<Charge>;

export const idempotencyKeyColumns = {
  scope: "scope",
  key: "key",
  fingerprint: "fingerprint",
  responseStatus: "response_status",
  responseBody: "response_body",
  createdAt: "created_at",
  expiresAt: "expires_at",
} as const satisfies ColumnsOf<IdempotencyKey>;

/** Each table and its columns, for checks that walk them all. */
export const tableColumns = {
  products: { ...productColumns, ...productComputedColumns },
  product_images: productImageColumns,
  product_image_variants: productImageVariantColumns,
  catalog_version: catalogVersionColumns,
  orders: orderColumns,
  order_items: orderItemColumns,
  order_events: orderEventColumns,
  order_refunds: orderRefundColumns,
  email_outbox: emailOutboxColumns,
  refunds: refundColumns,
  charges: chargeColumns,
  idempotency_keys: idempotencyKeyColumns,
} as const;

/** `col AS "field", ...`: a SELECT or RETURNING list whose rows have the Prisma model's shape. */
export function selectAsFields(columns: Readonly<Record<string, string>>): string {
  return Object.entries(columns)
    .map(([field, column]) => (field === column ? column : `${column} AS "${field}"`))
    .join(", ");
}
