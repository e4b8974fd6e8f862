import type { Order, OrderItem } from "@shop/contracts";
import type { GatewayContext } from "../context.ts";
import { builder } from "./builder.ts";
import {
  IdempotencyKeyError,
  InsufficientStockError,
  NotFoundError,
  ValidationError,
  withTypedErrors,
} from "./errors.ts";
import { ProductType } from "./product.ts";

export const OrderStatusType = builder.enumType("OrderStatus", {
  values: ["PENDING", "PAID", "CANCELLED"] as const,
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

/**
 * An order as resolvers hand it over: in full (a read), or as just placed
 * (id, status, total), in which case lines and time are fetched only if the
 * client asks for them.
 */
export type OrderParent = Order | Pick<Order, "id" | "status" | "total_cents">;

const full = async (order: OrderParent, ctx: GatewayContext): Promise<Order> =>
  "created_at" in order ? order : ctx.orderById.load(order.id);

export const OrderType = builder.objectRef<OrderParent>("Order").implement({
  description: "An order: its lines, its total and where it stands.",
  fields: (t) => ({
    id: t.exposeID("id"),
    status: t.field({ type: OrderStatusType, resolve: (o) => o.status }),
    totalCents: t.exposeInt("total_cents"),
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
  }),
});

const OrderLineInput = builder.inputType("OrderLineInput", {
  fields: (t) => ({
    productId: t.id({ required: true }),
    qty: t.int({ required: true, description: "A whole number of units, at least 1." }),
  }),
});

const PlaceOrderInput = builder.inputType("PlaceOrderInput", {
  fields: (t) => ({
    items: t.field({ type: [OrderLineInput], required: true }),
    idempotencyKey: t.string({
      description: "Send one per checkout: a retried placeOrder with the same key places one order.",
    }),
  }),
});

builder.queryFields((t) => ({
  order: t.field({
    type: OrderType,
    nullable: true,
    description: "One order by id; null when there is none.",
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      try {
        return await ctx.call("orders", ctx.services.orders.orders.get.query({ id: String(id) }));
      } catch (err) {
        if (err instanceof Error && "code" in err && err.code === "not_found") return null;
        throw err;
      }
    },
  }),
}));

builder.mutationFields((t) => ({
  placeOrder: t.field({
    type: OrderType,
    description: "Place an order: all lines or none, stock taken at once.",
    errors: { types: [InsufficientStockError, ValidationError, NotFoundError, IdempotencyKeyError] },
    args: { input: t.arg({ type: PlaceOrderInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      withTypedErrors(ctx, async () => {
        const placed = await ctx.call(
          "orders",
          ctx.services.orders.orders.place.mutate({
            items: input.items.map((line) => ({ productId: String(line.productId), qty: line.qty })),
            // An empty key is a bad key (400 from Orders), not "no key".
            ...(input.idempotencyKey != null ? { idempotency_key: input.idempotencyKey } : {}),
          }),
        );
        return { id: placed.orderId, status: placed.status, total_cents: placed.total_cents };
      }),
  }),
}));
