import { z } from "zod";
import { IdempotencyKey } from "../idempotency.ts";
import { Uuid } from "../ids.ts";
import { ChargeResult } from "../payments/charges.ts";
import { ORDER_LINES_MAX, ORDER_PAGE_DEFAULT, ORDER_PAGE_MAX, ORDER_QTY_MAX } from "./limits.ts";

export const OrderStatus = z.enum(["PENDING", "PAID", "CANCELLED"]).meta({ id: "OrderStatus" });
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

/** `POST /orders` body. Lines naming the same product are merged by the service. */
export const PlaceOrderInput = z
  .strictObject({
    items: z
      .array(OrderLineInput)
      .min(1, "an order needs at least one item")
      .max(ORDER_LINES_MAX, `an order may have at most ${ORDER_LINES_MAX} items`),
  })
  .meta({ id: "PlaceOrderInput" });
export type PlaceOrderInput = z.infer<typeof PlaceOrderInput>;

/** The tRPC door carries the optional key in its input rather than a header. */
export const PlaceOrderRequest = PlaceOrderInput.extend({ idempotency_key: IdempotencyKey.optional() });
export type PlaceOrderRequest = z.infer<typeof PlaceOrderRequest>;

/** `POST /orders` answer (201): the locked contract, field names exact. */
export const PlacedOrder = z
  .object({ orderId: Uuid, status: OrderStatus, total_cents: z.number().int() })
  .meta({ id: "PlacedOrder" });
export type PlacedOrder = z.infer<typeof PlacedOrder>;

export const OrderItem = z
  .object({ product_id: Uuid, qty: z.number().int(), price_cents: z.number().int() })
  .meta({ id: "OrderItem" });
export type OrderItem = z.infer<typeof OrderItem>;

/** `GET /orders/:id`: the locked fields, plus when it was placed. */
export const Order = z
  .object({
    id: Uuid,
    status: OrderStatus,
    total_cents: z.number().int(),
    items: z.array(OrderItem),
    created_at: z.iso.datetime(),
  })
  .meta({ id: "Order" });
export type Order = z.infer<typeof Order>;

/** `{productId, requested, available}`: one line of an insufficient_stock error's details. */
export const StockShortfall = z
  .object({ productId: Uuid, requested: z.number().int(), available: z.number().int() })
  .meta({ id: "StockShortfall" });
export type StockShortfall = z.infer<typeof StockShortfall>;

/** `{productId}`: one line of a not_found error's details when an order names unknown or archived products. */
export const UnknownProduct = z.object({ productId: Uuid }).meta({ id: "UnknownProduct" });
export type UnknownProduct = z.infer<typeof UnknownProduct>;

/** `GET /orders` (admin) query: newest first, a cursor from the previous page, an optional status. */
export const ListOrdersInput = z
  .strictObject({
    status: OrderStatus.optional(),
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

export const OrderPage = z
  .object({ orders: z.array(Order), next_cursor: z.string().nullable() })
  .meta({ id: "OrderPage" });
export type OrderPage = z.infer<typeof OrderPage>;

/** `POST /orders/:id/capture` answer: the order, now PAID, and the charge that paid it. */
export const CaptureResult = z.object({ order: Order, charge: ChargeResult }).meta({ id: "CaptureResult" });
export type CaptureResult = z.infer<typeof CaptureResult>;
