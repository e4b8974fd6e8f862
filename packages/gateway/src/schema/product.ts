import type { AdminProduct, Product } from "@shop/contracts";
import { builder } from "./builder.ts";

export const ProductType = builder.objectRef<Product>("Product").implement({
  description: "A product of the catalog.",
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    priceCents: t.exposeInt("price_cents", { description: "Price in cents (USD)." }),
    stockQty: t.exposeInt("stock_qty", { description: "Units in stock now." }),
  }),
});

export const AdminProductType = builder.objectRef<AdminProduct>("AdminProduct").implement({
  description: "A product as the admin sees it: archived ones too, with their lifecycle times.",
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    priceCents: t.exposeInt("price_cents"),
    stockQty: t.exposeInt("stock_qty"),
    archivedAt: t.field({ type: "DateTime", nullable: true, resolve: (p) => p.archived_at }),
    createdAt: t.field({ type: "DateTime", resolve: (p) => p.created_at }),
    updatedAt: t.field({ type: "DateTime", resolve: (p) => p.updated_at }),
  }),
});

builder.queryFields((t) => ({
  products: t.field({
    type: [ProductType],
    // Nullable at the root: if Inventory is down, this field is null with an
    // error, and the other fields of the same query still resolve.
    nullable: true,
    description: "The catalog (archived products excluded), by name.",
    resolve: async (_root, _args, ctx) => (await ctx.catalog.current(ctx)).products,
  }),
  product: t.field({
    type: ProductType,
    nullable: true,
    description: "One catalog product; null when there is none with this id.",
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      try {
        return await ctx.call("inventory", ctx.services.inventory.products.get.query({ id: String(id) }));
      } catch (err) {
        if (err instanceof Error && "code" in err && err.code === "not_found") return null;
        throw err;
      }
    },
  }),
}));
