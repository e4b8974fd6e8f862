import type { AdminProduct, OrderPage } from "@shop/contracts";
import type { GatewayContext } from "../context.ts";
import { isNotFound } from "../services/call.ts";
import { builder, PAGE_ITEMS_COMPLEXITY } from "./builder.ts";
import {
  IdempotencyKeyError,
  InsufficientStockError,
  InvalidStateError,
  NotFoundError,
  PaymentFailedError,
  RefundExceedsCapturedError,
  ValidationError,
  withTypedErrors,
} from "./errors.ts";
import { OrderStatusType, OrderType } from "./order.ts";
import { AdminProductType, ProductImageType, ProductType } from "./product.ts";
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
    orders: t.field({ type: [OrderType], complexity: PAGE_ITEMS_COMPLEXITY, resolve: (p) => p.orders }),
    nextCursor: t.exposeString("next_cursor", { nullable: true }),
    totalCount: t.exposeInt("total_count", { description: "Orders matching the filters, on all pages." }),
  }),
});

const CreateProductInput = builder.inputType("CreateProductInput", {
  fields: (t) => ({
    name: t.string({ required: true }),
    priceCents: t.int({ required: true }),
    stockQty: t.int({ required: true }),
    description: t.string(),
    sku: t.string(),
  }),
});

const UpdateProductInput = builder.inputType("UpdateProductInput", {
  fields: (t) => ({
    name: t.string(),
    priceCents: t.int(),
    description: t.string(),
    sku: t.string({ description: "An empty string removes the SKU." }),
  }),
});

const AdminProductPageType = builder
  .objectRef<{ items: AdminProduct[]; next_cursor: string | null }>("AdminProductPage")
  .implement({
    description: "A page of products for the admin; pass nextCursor as cursor for the next page.",
    fields: (t) => ({
      products: t.field({
        type: [AdminProductType],
        complexity: PAGE_ITEMS_COMPLEXITY,
        resolve: (p) => p.items,
      }),
      nextCursor: t.exposeString("next_cursor", { nullable: true }),
    }),
  });

/** One product with its lifecycle times. */
function adminProduct(ctx: GatewayContext, id: string) {
  return ctx.call("inventory", ctx.services.inventory.products.adminGet.query({ id }));
}

/** A GraphQL SKU: "" means none. */
const skuOf = (sku: string | null | undefined) => (sku == null ? undefined : sku.trim() === "" ? null : sku);

builder.queryFields((t) => ({
  adminProducts: t.field({
    type: [AdminProductType],
    nullable: true,
    description: "Admin: every product, archived ones too, newest first.",
    resolve: (_root, _args, ctx) =>
      allowed(ctx, "products.read") &&
      ctx.call("inventory", ctx.services.inventory.products.adminList.query()),
  }),
  adminProductsPage: t.field({
    type: AdminProductPageType,
    nullable: true,
    description:
      "Admin: products a page at a time, archived ones too; newest first, or best match for a search.",
    args: {
      limit: t.arg.int({ description: "Page size, 1 to 100 (50 by default)." }),
      cursor: t.arg.string(),
      search: t.arg.string(),
    },
    complexity: (args) => ({ field: 1, multiplier: args.limit ?? 50 }),
    resolve: (_root, args, ctx) =>
      ctx.call(
        "inventory",
        ctx.services.inventory.products.adminPage.query({
          ...(args.limit != null ? { limit: args.limit } : {}),
          ...(args.cursor ? { cursor: args.cursor } : {}),
          ...(args.search ? { q: args.search } : {}),
        }),
      ),
  }),
  adminProduct: t.field({
    type: AdminProductType,
    nullable: true,
    description: "Admin: one product, archived or not.",
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => adminProduct(ctx, String(id)),
  }),
  orders: t.field({
    type: OrderPageType,
    nullable: true,
    description: "Admin: the orders index, newest first.",
    args: {
      status: t.arg({ type: OrderStatusType }),
      limit: t.arg.int({ description: "Page size, 1 to 100 (20 by default)." }),
      cursor: t.arg.string(),
      search: t.arg.string({ description: "An order number, or (part of) the customer's email." }),
      from: t.arg.string({ description: "Placed on or after this day (YYYY-MM-DD, UTC)." }),
      to: t.arg.string({ description: "Placed on or before this day (YYYY-MM-DD, UTC)." }),
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
          ...(args.search ? { q: args.search } : {}),
          ...(args.from ? { from: args.from } : {}),
          ...(args.to ? { to: args.to } : {}),
        }),
      ),
  }),
  adminOrder: t.field({
    type: OrderType,
    nullable: true,
    description:
      "Admin: one order in full (customer, address, charges, refunds, timeline); null when there is none.",
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      try {
        return await ctx.call("orders", ctx.services.orders.orders.detail.query({ id: String(id) }));
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
    },
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
            ...(input.description != null ? { description: input.description } : {}),
            ...(skuOf(input.sku) !== undefined ? { sku: skuOf(input.sku) } : {}),
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
              ...(input.description != null ? { description: input.description } : {}),
              ...(skuOf(input.sku) !== undefined ? { sku: skuOf(input.sku) } : {}),
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
  updateProductImage: t.field({
    type: ProductImageType,
    description: "Admin: change a picture's alt text. (Uploads: POST /admin/products/:id/images, multipart.)",
    errors: { types: [ValidationError, NotFoundError] },
    args: {
      productId: t.arg.id({ required: true }),
      imageId: t.arg.id({ required: true }),
      alt: t.arg.string({ required: true }),
    },
    resolve: (_root, args, ctx) =>
      withTypedErrors(ctx, () =>
        ctx.call(
          "inventory",
          ctx.services.inventory.products.updateImage.mutate({
            productId: String(args.productId),
            imageId: String(args.imageId),
            patch: { alt: args.alt },
          }),
        ),
      ),
  }),
  removeProductImage: t.field({
    type: AdminProductType,
    description: "Admin: remove a picture from a product.",
    errors: { types: [ValidationError, NotFoundError] },
    args: { productId: t.arg.id({ required: true }), imageId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      withTypedErrors(ctx, async () => {
        await ctx.call(
          "inventory",
          ctx.services.inventory.products.removeImage.mutate({
            productId: String(args.productId),
            imageId: String(args.imageId),
          }),
        );
        return adminProduct(ctx, String(args.productId));
      }),
  }),
  reorderProductImages: t.field({
    type: AdminProductType,
    description:
      "Admin: put a product's pictures in this order (every image id once; the first is the main picture).",
    errors: { types: [ValidationError, NotFoundError] },
    args: {
      productId: t.arg.id({ required: true }),
      imageIds: t.arg.idList({ required: true }),
    },
    resolve: (_root, args, ctx) =>
      withTypedErrors(ctx, async () => {
        await ctx.call(
          "inventory",
          ctx.services.inventory.products.reorderImages.mutate({
            productId: String(args.productId),
            order: { image_ids: args.imageIds.map(String) },
          }),
        );
        return adminProduct(ctx, String(args.productId));
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
  fulfillOrder: t.field({
    type: OrderType,
    description:
      "Admin: mark a PAID order as shipped; the customer gets a shipping notice. Retrying ships once.",
    errors: { types: [InvalidStateError, NotFoundError, ValidationError] },
    args: {
      orderId: t.arg.id({ required: true }),
      carrier: t.arg.string(),
      trackingNumber: t.arg.string(),
    },
    resolve: (_root, { orderId, carrier, trackingNumber }, ctx) =>
      withTypedErrors(ctx, () =>
        ctx.call(
          "orders",
          ctx.services.orders.orders.fulfill.mutate({
            id: String(orderId),
            ...(carrier != null ? { carrier } : {}),
            ...(trackingNumber != null ? { tracking_number: trackingNumber } : {}),
          }),
        ),
      ),
  }),
  refundPayment: t.field({
    type: OrderType,
    description:
      "Admin: refund part or all of a PAID or FULFILLED order. Never more than was paid minus refunds; " +
      "send one idempotencyKey per refund so a retry refunds once.",
    errors: {
      types: [
        RefundExceedsCapturedError,
        InvalidStateError,
        NotFoundError,
        ValidationError,
        IdempotencyKeyError,
      ],
    },
    args: {
      orderId: t.arg.id({ required: true }),
      amountCents: t.arg.int({ required: true }),
      reason: t.arg.string(),
      idempotencyKey: t.arg.string(),
    },
    resolve: (_root, { orderId, amountCents, reason, idempotencyKey }, ctx) =>
      withTypedErrors(ctx, async () => {
        const result = await ctx.call(
          "orders",
          ctx.services.orders.orders.refund.mutate({
            id: String(orderId),
            amount_cents: amountCents,
            ...(reason != null ? { reason } : {}),
            ...(idempotencyKey != null ? { idempotency_key: idempotencyKey } : {}),
          }),
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
