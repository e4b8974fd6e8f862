import type {
  CustomerOut,
  Order,
  OrderDetail,
  OrderEvent,
  OrderItem,
  OrderRefund,
  Shipment,
  ShippingAddressOut,
} from "@shop/contracts";
import type { z } from "zod";
import type { GatewayContext } from "../context.ts";
import { isNotFound } from "../services/call.ts";
import { builder } from "./builder.ts";
import {
  IdempotencyKeyError,
  InsufficientStockError,
  NotFoundError,
  RateLimitedError,
  ValidationError,
  withTypedErrors,
} from "./errors.ts";
import { ProductType } from "./product.ts";

export const OrderStatusType = builder.enumType("OrderStatus", {
  description: "PENDING → PAID → FULFILLED; PENDING → CANCELLED; REFUNDED once refunds reach what was paid.",
  values: ["PENDING", "PAID", "FULFILLED", "CANCELLED", "REFUNDED"] as const,
});

const OrderItemType = builder.objectRef<OrderItem>("OrderItem").implement({
  description: "One line of an order, at the price it was ordered at.",
  fields: (t) => ({
    product: t.field({
      type: ProductType,
      description: "The product (resolved in one batch per request for all lines).",
      resolve: async (item, _args, ctx) => {
        const product = await ctx.productById.load(item.product_id);
        if (!product) throw new Error(`Product ${item.product_id} of this order no longer exists`);
        return product;
      },
    }),
    qty: t.exposeInt("qty"),
    priceCents: t.exposeInt("price_cents", { description: "Unit price at order time, in cents." }),
  }),
});

const CustomerType = builder.objectRef<z.infer<typeof CustomerOut>>("Customer").implement({
  description: "Who ordered.",
  fields: (t) => ({
    email: t.exposeString("email"),
    name: t.exposeString("name"),
    phone: t.string({ nullable: true, resolve: (c) => c.phone ?? null }),
  }),
});

const AddressType = builder.objectRef<z.infer<typeof ShippingAddressOut>>("ShippingAddress").implement({
  description: "Where an order ships.",
  fields: (t) => ({
    line1: t.exposeString("line1"),
    line2: t.string({ nullable: true, resolve: (a) => a.line2 ?? null }),
    city: t.exposeString("city"),
    postalCode: t.exposeString("postal_code"),
    region: t.string({ nullable: true, resolve: (a) => a.region ?? null }),
    country: t.exposeString("country", { description: "ISO 3166-1 alpha-2 code." }),
  }),
});

const ShipmentType = builder.objectRef<Shipment>("Shipment").implement({
  description: "How the order shipped.",
  fields: (t) => ({
    carrier: t.exposeString("carrier", { nullable: true }),
    trackingNumber: t.exposeString("tracking_number", { nullable: true }),
    fulfilledAt: t.field({ type: "DateTime", resolve: (s) => s.fulfilled_at }),
  }),
});

const RefundType = builder.objectRef<OrderRefund>("Refund").implement({
  description: "Money given back for an order.",
  fields: (t) => ({
    id: t.exposeID("id"),
    amountCents: t.exposeInt("amount_cents"),
    reason: t.exposeString("reason", { nullable: true }),
    createdAt: t.field({ type: "DateTime", resolve: (r) => r.created_at }),
  }),
});

const OrderEventType = builder.objectRef<OrderEvent>("OrderEvent").implement({
  description: "One change of an order: what, when, by whom.",
  fields: (t) => ({
    id: t.exposeID("id"),
    type: t.exposeString("type", {
      description: "placed, payment_captured, payment_failed, fulfilled, refunded, cancelled or email_sent.",
    }),
    actor: t.exposeString("actor"),
    requestId: t.exposeString("request_id", { nullable: true }),
    data: t.string({
      description: "The change's ids and amounts, as JSON.",
      resolve: (e) => JSON.stringify(e.data),
    }),
    createdAt: t.field({ type: "DateTime", resolve: (e) => e.created_at }),
  }),
});

/**
 * An order as resolvers hand it over: in full (a read), with personal data
 * (a detail read, for the token's holder or staff), as an index row, or as
 * just placed (id, status, total, number, token), in which case lines and
 * time are fetched only if the client asks for them.
 */
export type OrderParent = Pick<Order, "id" | "status" | "total_cents"> &
  Partial<Order> &
  Partial<
    Pick<OrderDetail, "customer" | "shipping_address" | "shipment" | "refunds" | "events" | "captured_cents">
  > & {
    access_token?: string;
    customer_email?: string | null;
    customer_name?: string | null;
  };

const full = async (order: OrderParent, ctx: GatewayContext): Promise<Order> =>
  order.created_at !== undefined && order.items !== undefined && order.number !== undefined
    ? (order as Order)
    : ctx.orderById.load(order.id);

export const OrderType = builder.objectRef<OrderParent>("Order").implement({
  description:
    "An order: its lines, its total and where it stands. Personal data (customer, address) and the " +
    "timeline are only there for the access token's holder and for staff; elsewhere they are null.",
  fields: (t) => ({
    id: t.exposeID("id"),
    number: t.int({
      description: "The human order number (1001, 1002, ...).",
      resolve: async (o, _args, ctx) => o.number ?? (await full(o, ctx)).number,
    }),
    status: t.field({ type: OrderStatusType, resolve: (o) => o.status }),
    totalCents: t.exposeInt("total_cents"),
    refundedCents: t.int({
      resolve: async (o, _args, ctx) => o.refunded_cents ?? (await full(o, ctx)).refunded_cents,
    }),
    // Orders have a few lines, not the 10 a list is assumed to have.
    items: t.field({
      type: [OrderItemType],
      complexity: { field: 1, multiplier: 3 },
      resolve: async (o, _args, ctx) => (await full(o, ctx)).items,
    }),
    createdAt: t.field({
      type: "DateTime",
      resolve: async (o, _args, ctx) => (await full(o, ctx)).created_at,
    }),
    accessToken: t.string({
      nullable: true,
      description:
        "Only in placeOrder's answer: the key to this order's page. Keep it; it is not shown again.",
      resolve: (o) => o.access_token ?? null,
    }),
    customer: t.field({
      type: CustomerType,
      nullable: true,
      resolve: (o) =>
        o.customer ??
        (o.customer_email && o.customer_name ? { email: o.customer_email, name: o.customer_name } : null),
    }),
    shippingAddress: t.field({
      type: AddressType,
      nullable: true,
      resolve: (o) => o.shipping_address ?? null,
    }),
    capturedCents: t.int({ nullable: true, resolve: (o) => o.captured_cents ?? null }),
    shipment: t.field({ type: ShipmentType, nullable: true, resolve: (o) => o.shipment ?? null }),
    refunds: t.field({ type: [RefundType], nullable: true, resolve: (o) => o.refunds ?? null }),
    timeline: t.field({
      type: [OrderEventType],
      nullable: true,
      complexity: { field: 1, multiplier: 5 },
      resolve: (o) => o.events ?? null,
    }),
  }),
});

const OrderLineInput = builder.inputType("OrderLineInput", {
  fields: (t) => ({
    productId: t.id({ required: true }),
    qty: t.int({ required: true, description: "A whole number of units, at least 1." }),
  }),
});

const CustomerInput = builder.inputType("CustomerInput", {
  fields: (t) => ({
    email: t.string({ required: true }),
    name: t.string({ required: true }),
    phone: t.string(),
  }),
});

const ShippingAddressInput = builder.inputType("ShippingAddressInput", {
  fields: (t) => ({
    line1: t.string({ required: true }),
    line2: t.string(),
    city: t.string({ required: true }),
    postalCode: t.string({ required: true }),
    region: t.string(),
    country: t.string({ required: true, description: "ISO 3166-1 alpha-2 code, e.g. DE or US." }),
  }),
});

const PlaceOrderInput = builder.inputType("PlaceOrderInput", {
  fields: (t) => ({
    items: t.field({ type: [OrderLineInput], required: true }),
    customer: t.field({ type: CustomerInput, description: "Who orders; required with shippingAddress." }),
    shippingAddress: t.field({ type: ShippingAddressInput }),
    idempotencyKey: t.string({
      description: "Send one per checkout: a retried placeOrder with the same key places one order.",
    }),
  }),
});

/** Drop GraphQL's nulls: the services' contracts know absent, not null. */
const defined = <T extends Record<string, unknown>>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v != null)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };

builder.queryFields((t) => ({
  order: t.field({
    type: OrderType,
    nullable: true,
    description:
      "One order by id; null when there is none. With its accessToken (or as staff, via adminOrder) it " +
      "includes the customer, address, refunds and timeline.",
    args: { id: t.arg.id({ required: true }), accessToken: t.arg.string() },
    resolve: async (_root, { id, accessToken }, ctx) => {
      try {
        if (accessToken != null) {
          return await ctx.call(
            "orders",
            ctx.services.orders.orders.detail.query({ id: String(id), token: accessToken }),
          );
        }
        return await ctx.call("orders", ctx.services.orders.orders.get.query({ id: String(id) }));
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
    },
  }),
  orderLookup: t.field({
    type: OrderType,
    description:
      "Find an order by its number and the email it was placed with. A wrong email and an unknown " +
      "number answer the same NotFoundError; tries are rate limited.",
    errors: { types: [NotFoundError, ValidationError, RateLimitedError] },
    args: { number: t.arg.int({ required: true }), email: t.arg.string({ required: true }) },
    resolve: (_root, { number, email }, ctx) =>
      withTypedErrors(ctx, async () => {
        const found = await ctx.call("orders", ctx.services.orders.orders.lookup.mutate({ number, email }));
        return found.order;
      }),
  }),
}));

builder.mutationFields((t) => ({
  placeOrder: t.field({
    type: OrderType,
    description:
      "Place an order: all lines or none, stock taken at once. The answer carries its accessToken.",
    errors: { types: [InsufficientStockError, ValidationError, NotFoundError, IdempotencyKeyError] },
    args: { input: t.arg({ type: PlaceOrderInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      withTypedErrors(ctx, async () => {
        const address = input.shippingAddress;
        const request = {
          items: input.items.map((line) => ({ productId: String(line.productId), qty: line.qty })),
          ...(input.customer ? { customer: defined(input.customer) } : {}),
          ...(address
            ? {
                shipping_address: defined({
                  line1: address.line1,
                  line2: address.line2,
                  city: address.city,
                  postal_code: address.postalCode,
                  region: address.region,
                  country: address.country,
                }),
              }
            : {}),
          // An empty key is a bad key (400 from Orders), not "no key".
          ...(input.idempotencyKey != null ? { idempotency_key: input.idempotencyKey } : {}),
        };
        const place = (input: typeof request & { from_database?: boolean }) =>
          ctx.call("orders", ctx.services.orders.orders.place.mutate(input));
        const placed = await (ctx.soldOut ? ctx.soldOut.place(request, place) : place(request));
        // The buyer's next catalog page shows the stock this order took (read
        // your own writes), before the database's notification comes round.
        ctx.catalogPages.stockChanged(input.items.map((line) => String(line.productId).toLowerCase()));
        return {
          id: placed.orderId,
          status: placed.status,
          total_cents: placed.total_cents,
          number: placed.number,
          access_token: placed.access_token,
        };
      }),
  }),
}));
