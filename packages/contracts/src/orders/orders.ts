import { z } from "zod";
import { IdempotencyKey } from "../idempotency.ts";
import { Uuid } from "../ids.ts";
import { ChargeResult, CHARGE_AMOUNT_MAX } from "../payments/charges.ts";
import { Customer, CustomerOut, Email, ShippingAddress, ShippingAddressOut } from "./checkout.ts";
import {
  CARRIER_MAX,
  ORDER_LINES_MAX,
  ORDER_PAGE_DEFAULT,
  ORDER_PAGE_MAX,
  ORDER_QTY_MAX,
  REFUND_REASON_MAX,
  TRACKING_NUMBER_MAX,
} from "./limits.ts";

/**
 * PENDING → PAID → FULFILLED; PENDING → CANCELLED; PAID or FULFILLED →
 * REFUNDED once refunds add up to what was captured.
 */
export const OrderStatus = z
  .enum(["PENDING", "PAID", "FULFILLED", "CANCELLED", "REFUNDED"])
  .meta({ id: "OrderStatus" });
export type OrderStatus = z.infer<typeof OrderStatus>;

/** One requested line: `{productId, qty}` (camelCase, as the locked contract has it). */
export const OrderLineInput = z.strictObject({
  productId: Uuid,
  qty: z
    .number()
    .int("must be a whole number")
    .positive("must be at least 1")
    .max(ORDER_QTY_MAX, `must be at most ${ORDER_QTY_MAX}`),
});
export type OrderLineInput = z.infer<typeof OrderLineInput>;

/**
 * `POST /orders` body. Lines naming the same product are merged by the
 * service. `customer` and `shipping_address` come together or not at all:
 * they are optional so the locked body `{items}` still places an order; the
 * web shop always sends them.
 */
const PlaceOrderFields = z.strictObject({
  items: z
    .array(OrderLineInput)
    .min(1, "an order needs at least one item")
    .max(ORDER_LINES_MAX, `an order may have at most ${ORDER_LINES_MAX} items`),
  customer: Customer.optional(),
  shipping_address: ShippingAddress.optional(),
});

function customerWithAddress(
  input: Pick<z.infer<typeof PlaceOrderFields>, "customer" | "shipping_address">,
  ctx: z.RefinementCtx,
): void {
  if (input.customer !== undefined && input.shipping_address === undefined) {
    ctx.addIssue({ code: "custom", path: ["shipping_address"], message: "is required with a customer" });
  }
  if (input.shipping_address !== undefined && input.customer === undefined) {
    ctx.addIssue({ code: "custom", path: ["customer"], message: "is required with a shipping address" });
  }
}

export const PlaceOrderInput = PlaceOrderFields.superRefine(customerWithAddress).meta({
  id: "PlaceOrderInput",
});
export type PlaceOrderInput = z.infer<typeof PlaceOrderInput>;

/**
 * The tRPC door carries the optional key in its input rather than a header,
 * and `from_database`: set by a caller that keeps a sold-out gate of its own
 * (the gateway), which may learn only from the database's answers. Orders
 * then does not answer from its sold-out gate.
 */
export const PlaceOrderRequest = PlaceOrderFields.extend({
  idempotency_key: IdempotencyKey.optional(),
  from_database: z.boolean().optional(),
}).superRefine(customerWithAddress);
export type PlaceOrderRequest = z.infer<typeof PlaceOrderRequest>;

/**
 * `POST /orders` answer (201): the locked fields, plus the order's human
 * `number` and its `access_token`, the only key to its personal data that a
 * shopper ever gets (Orders keeps only a hash of it).
 */
export const PlacedOrder = z
  .object({
    orderId: Uuid,
    status: OrderStatus,
    total_cents: z.number().int(),
    number: z.number().int(),
    access_token: z.string(),
  })
  .meta({ id: "PlacedOrder" });
export type PlacedOrder = z.infer<typeof PlacedOrder>;

export const OrderItem = z
  .object({ product_id: Uuid, qty: z.number().int(), price_cents: z.number().int() })
  .meta({ id: "OrderItem" });
export type OrderItem = z.infer<typeof OrderItem>;

/**
 * `GET /orders/:id`: the locked fields, plus its number, when it was placed
 * and what was refunded. No personal data: that is OrderDetail's.
 */
export const Order = z
  .object({
    id: Uuid,
    number: z.number().int(),
    status: OrderStatus,
    total_cents: z.number().int(),
    refunded_cents: z.number().int(),
    items: z.array(OrderItem),
    created_at: z.iso.datetime(),
  })
  .meta({ id: "Order" });
export type Order = z.infer<typeof Order>;

/** One refund of an order, as Payments made it. */
export const OrderRefund = z
  .object({
    id: Uuid,
    amount_cents: z.number().int(),
    reason: z.string().nullable(),
    created_at: z.iso.datetime(),
  })
  .meta({ id: "OrderRefund" });
export type OrderRefund = z.infer<typeof OrderRefund>;

export const OrderEventType = z
  .enum(["placed", "payment_captured", "payment_failed", "fulfilled", "refunded", "cancelled", "email_sent"])
  .meta({ id: "OrderEventType" });
export type OrderEventType = z.infer<typeof OrderEventType>;

/** One row of an order's timeline: what changed, when, who did it, under which request. */
export const OrderEvent = z
  .object({
    id: z.string(),
    type: OrderEventType,
    actor: z.string(),
    request_id: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    created_at: z.iso.datetime(),
  })
  .meta({ id: "OrderEvent" });
export type OrderEvent = z.infer<typeof OrderEvent>;

/** Where the order went and how: set by fulfilment. */
export const Shipment = z
  .object({
    carrier: z.string().nullable(),
    tracking_number: z.string().nullable(),
    fulfilled_at: z.iso.datetime(),
  })
  .meta({ id: "Shipment" });
export type Shipment = z.infer<typeof Shipment>;

/**
 * The whole order, personal data included: for whoever holds its access
 * token, and for staff. `customer` and `shipping_address` are null only for
 * orders placed with the bare `{items}` body.
 */
export const OrderDetail = Order.extend({
  customer: CustomerOut.nullable(),
  shipping_address: ShippingAddressOut.nullable(),
  captured_cents: z.number().int(),
  charge_id: Uuid.nullable(),
  shipment: Shipment.nullable(),
  refunds: z.array(OrderRefund),
  events: z.array(OrderEvent),
}).meta({ id: "OrderDetail" });
export type OrderDetail = z.infer<typeof OrderDetail>;

/** `GET /orders/:id/detail`: the token a placement answered with (staff need none). */
export const OrderDetailQuery = z.strictObject({ token: z.string().min(1).max(200).optional() });

/** The tRPC door's detail read: by id, with the access token unless the caller is staff. */
export const OrderDetailInput = z.strictObject({ id: Uuid, token: z.string().min(1).max(200).optional() });
export type OrderDetailInput = z.infer<typeof OrderDetailInput>;

/** `POST /orders/lookup`: a shopper who lost the link names the number and their email. */
export const OrderLookupInput = z
  .strictObject({ number: z.number().int().min(1).max(2_147_483_647), email: Email })
  .meta({ id: "OrderLookupInput" });
export type OrderLookupInput = z.infer<typeof OrderLookupInput>;

/**
 * The lookup's answer: the order itself (Orders keeps only a hash of the
 * access token, so it cannot hand the original link out again).
 */
export const OrderLookupResult = z.object({ order: OrderDetail }).meta({ id: "OrderLookupResult" });
export type OrderLookupResult = z.infer<typeof OrderLookupResult>;

/** `POST /orders/:id/fulfill` (admin) body: how it ships, both optional. */
export const FulfillOrderInput = z
  .strictObject({
    carrier: z
      .string()
      .trim()
      .max(CARRIER_MAX, `must be at most ${CARRIER_MAX} characters`)
      .regex(/^[^\p{Cc}]*$/u, "must not contain control characters")
      .optional(),
    tracking_number: z
      .string()
      .trim()
      .max(TRACKING_NUMBER_MAX, `must be at most ${TRACKING_NUMBER_MAX} characters`)
      .regex(/^[^\p{Cc}]*$/u, "must not contain control characters")
      .optional(),
  })
  .meta({ id: "FulfillOrderInput" });
export type FulfillOrderInput = z.infer<typeof FulfillOrderInput>;

/** `POST /orders/:id/refunds` (admin) body: an amount up to what is still unrefunded. */
export const RefundOrderInput = z
  .strictObject({
    amount_cents: z
      .number()
      .int("must be a whole number of cents")
      .positive("must be positive")
      .max(CHARGE_AMOUNT_MAX, `must be at most ${CHARGE_AMOUNT_MAX}`),
    reason: z
      .string()
      .trim()
      .max(REFUND_REASON_MAX, `must be at most ${REFUND_REASON_MAX} characters`)
      .regex(/^[^\p{Cc}]*$/u, "must not contain control characters")
      .optional(),
  })
  .meta({ id: "RefundOrderInput" });
export type RefundOrderInput = z.infer<typeof RefundOrderInput>;

/** The refund just made and the order after it. */
export const RefundOrderResult = z
  .object({ refund: OrderRefund, order: OrderDetail })
  .meta({ id: "RefundOrderResult" });
export type RefundOrderResult = z.infer<typeof RefundOrderResult>;

/** `{productId, requested, available}`: one line of an insufficient_stock error's details. */
export const StockShortfall = z
  .object({ productId: Uuid, requested: z.number().int(), available: z.number().int() })
  .meta({ id: "StockShortfall" });
export type StockShortfall = z.infer<typeof StockShortfall>;

/** `{productId}`: one line of a not_found error's details when an order names unknown or archived products. */
export const UnknownProduct = z.object({ productId: Uuid }).meta({ id: "UnknownProduct" });
export type UnknownProduct = z.infer<typeof UnknownProduct>;

/**
 * `GET /orders` (admin) query: newest first, a cursor from the previous page;
 * optional status, a search `q` (an order number, or an email, whole or
 * part) and a date range of placement (`from` and `to`, days inclusive).
 */
export const ListOrdersInput = z
  .strictObject({
    status: OrderStatus.optional(),
    q: z
      .string()
      .trim()
      .max(254, "must be at most 254 characters")
      .regex(/^[^\p{Cc}]*$/u, "must not contain control characters")
      .optional(),
    from: z.iso.date({ message: "must be a date like 2026-12-01" }).optional(),
    to: z.iso.date({ message: "must be a date like 2026-12-31" }).optional(),
    cursor: z.string().min(1).max(200).optional(),
    limit: z.coerce
      .number()
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(ORDER_PAGE_MAX, `must be at most ${ORDER_PAGE_MAX}`)
      .default(ORDER_PAGE_DEFAULT),
  })
  .meta({ id: "ListOrdersInput" });
export type ListOrdersInput = z.infer<typeof ListOrdersInput>;

/** A row of the admin index: the order and who placed it. */
export const OrderSummary = Order.extend({
  customer_email: z.string().nullable(),
  customer_name: z.string().nullable(),
}).meta({ id: "OrderSummary" });
export type OrderSummary = z.infer<typeof OrderSummary>;

export const OrderPage = z
  .object({
    orders: z.array(OrderSummary),
    next_cursor: z.string().nullable(),
    total_count: z.number().int().meta({ description: "Orders matching the filters, on all pages." }),
  })
  .meta({ id: "OrderPage" });
export type OrderPage = z.infer<typeof OrderPage>;

/** `POST /orders/:id/capture` answer: the order, now PAID, and the charge that paid it. */
export const CaptureResult = z.object({ order: Order, charge: ChargeResult }).meta({ id: "CaptureResult" });
export type CaptureResult = z.infer<typeof CaptureResult>;
