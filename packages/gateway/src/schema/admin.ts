import type { OrderPage } from "@shop/contracts";
import type { GatewayContext } from "../context.ts";
import { builder } from "./builder.ts";
import {
  InsufficientStockError,
  InvalidStateError,
  NotFoundError,
  PaymentFailedError,
  ValidationError,
  withTypedErrors,
} from "./errors.ts";
import { OrderStatusType, OrderType } from "./order.ts";
import { AdminProductType, ProductType } from "./product.ts";
import { allowed } from "./staff.ts";

/**
 * The admin SPA's fields. A signed-in staff member's role is checked here
 * (checkStaffRole) and again by the service, which learns who acts from the
 * gateway over the service credential. The admin token is passed through for
 * the services to check; without either they answer UNAUTHORIZED.
 */

const OrderPageType = builder.objectRef<OrderPage>("OrderPage").implement({
  description: "A page of orders, newest first; pass nextCursor as cursor for the next page.",
  fields: (t) => ({
    orders: t.field({ type: [OrderType], resolve: (p) => p.orders }),
    nextCursor: t.exposeString("next_cursor", { nullable: true }),
  }),
});

const CreateProductInput = builder.inputType("CreateProductInput", {
  fields: (t) => ({
    name: t.string({ required: true }),
    priceCents: t.int({ required: true }),
    stockQty: t.int({ required: true }),
  }),
});

const UpdateProductInput = builder.inputType("UpdateProductInput", {
  fields: (t) => ({ name: t.string(), priceCents: t.int() }),
});

/** One product with its lifecycle times (Inventory's admin list is the door that has them). */
async function adminProduct(ctx: GatewayContext, id: string) {
  const all = await ctx.call("inventory", ctx.services.inventory.products.adminList.query());
  const found = all.find((p) => p.id === id);
  if (!found) throw new Error(`Product ${id} is missing from the admin list`);
  return found;
}

builder.queryFields((t) => ({
  adminProducts: t.field({
    type: [AdminProductType],
    nullable: true,
    description: "Admin: every product, archived ones too, newest first.",
    resolve: (_root, _args, ctx) =>
      allowed(ctx, "products.read") &&
      ctx.call("inventory", ctx.services.inventory.products.adminList.query()),
  }),
  orders: t.field({
    type: OrderPageType,
    nullable: true,
    description: "Admin: the orders index, newest first.",
    args: {
      status: t.arg({ type: OrderStatusType }),
      limit: t.arg.int({ description: "Page size, 1 to 100 (20 by default)." }),
      cursor: t.arg.string(),
    },
    complexity: (args) => ({ field: 1, multiplier: args.limit ?? 20 }),
    resolve: (_root, args, ctx) =>
      allowed(ctx, "orders.read") &&
      ctx.call(
        "orders",
        ctx.services.orders.orders.list.query({
          ...(args.status ? { status: args.status } : {}),
          ...(args.limit != null ? { limit: args.limit } : {}),
          ...(args.cursor ? { cursor: args.cursor } : {}),
        }),
      ),
  }),
}));

builder.mutationFields((t) => ({
  createProduct: t.field({
    type: AdminProductType,
    description: "Admin: add a product to the catalog.",
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: CreateProductInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      allowed(ctx, "products.write") &&
      withTypedErrors(ctx, async () => {
        const created = await ctx.call(
          "inventory",
          ctx.services.inventory.products.create.mutate({
            name: input.name,
            price_cents: input.priceCents,
            stock_qty: input.stockQty,
          }),
        );
        return adminProduct(ctx, created.id);
      }),
  }),
  updateProduct: t.field({
    type: ProductType,
    description: "Admin: rename and/or reprice a product.",
    errors: { types: [ValidationError, NotFoundError] },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateProductInput, required: true }) },
    resolve: (_root, { id, input }, ctx) =>
      allowed(ctx, "products.write") &&
      withTypedErrors(ctx, () =>
        ctx.call(
          "inventory",
          ctx.services.inventory.products.update.mutate({
            id: String(id),
            patch: {
              ...(input.name != null ? { name: input.name } : {}),
              ...(input.priceCents != null ? { price_cents: input.priceCents } : {}),
            },
          }),
        ),
      ),
  }),
  setStock: t.field({
    type: ProductType,
    description: "Admin: set a product's stock level.",
    errors: { types: [ValidationError, NotFoundError] },
    args: { id: t.arg.id({ required: true }), stockQty: t.arg.int({ required: true }) },
    resolve: (_root, { id, stockQty }, ctx) =>
      allowed(ctx, "products.write") &&
      withTypedErrors(ctx, () =>
        ctx.call(
          "inventory",
          ctx.services.inventory.products.changeStock.mutate({
            id: String(id),
            change: { stock_qty: stockQty },
          }),
        ),
      ),
  }),
  adjustStock: t.field({
    type: ProductType,
    description: "Admin: add (positive delta) or remove (negative) stock.",
    errors: { types: [ValidationError, NotFoundError, InsufficientStockError] },
    args: { id: t.arg.id({ required: true }), delta: t.arg.int({ required: true }) },
    resolve: (_root, { id, delta }, ctx) =>
      allowed(ctx, "products.write") &&
      withTypedErrors(ctx, () =>
        ctx.call(
          "inventory",
          ctx.services.inventory.products.changeStock.mutate({ id: String(id), change: { delta } }),
        ),
      ),
  }),
  archiveProduct: t.field({
    type: AdminProductType,
    description: "Admin: archive a product (gone from the catalog, kept for old orders).",
    errors: { types: [ValidationError, NotFoundError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) =>
      allowed(ctx, "products.write") &&
      withTypedErrors(ctx, async () => {
        await ctx.call("inventory", ctx.services.inventory.products.archive.mutate({ id: String(id) }));
        return adminProduct(ctx, String(id));
      }),
  }),
  unarchiveProduct: t.field({
    type: AdminProductType,
    description: "Admin: restore an archived product to the catalog, as it was.",
    errors: { types: [ValidationError, NotFoundError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) =>
      allowed(ctx, "products.write") &&
      withTypedErrors(ctx, async () => {
        await ctx.call("inventory", ctx.services.inventory.products.unarchive.mutate({ id: String(id) }));
        return adminProduct(ctx, String(id));
      }),
  }),
  capturePayment: t.field({
    type: OrderType,
    description:
      "Admin: charge a PENDING order through Payments and mark it PAID. Retrying never charges twice.",
    errors: { types: [PaymentFailedError, InvalidStateError, NotFoundError, ValidationError] },
    args: { orderId: t.arg.id({ required: true }) },
    resolve: (_root, { orderId }, ctx) =>
      allowed(ctx, "orders.capture") &&
      withTypedErrors(ctx, async () => {
        const result = await ctx.call(
          "orders",
          ctx.services.orders.orders.capture.mutate({ id: String(orderId) }),
        );
        return result.order;
      }),
  }),
  cancelOrder: t.field({
    type: OrderType,
    description: "Admin: cancel a PENDING order and return its stock.",
    errors: { types: [InvalidStateError, NotFoundError, ValidationError] },
    args: { orderId: t.arg.id({ required: true }) },
    resolve: (_root, { orderId }, ctx) =>
      allowed(ctx, "orders.cancel") &&
      withTypedErrors(ctx, () =>
        ctx.call("orders", ctx.services.orders.orders.cancel.mutate({ id: String(orderId) })),
      ),
  }),
}));
