import { IMAGE_WIDTHS } from "@shop/contracts";
import type { AdminProduct, CatalogSort, Product, ProductDetail, ProductImage } from "@shop/contracts";
import { Kind, type FieldNode, type GraphQLResolveInfo } from "graphql";
import type { GatewayContext } from "../context.ts";
import { wholeOversizedCatalog } from "../services/catalog-slices.ts";
import { isNotFound } from "../services/call.ts";
import { builder, PAGE_ITEMS_COMPLEXITY } from "./builder.ts";

/** A product as resolvers hold it: the content fields are there when Inventory sent them. */
export type ProductSource = Product & Partial<Pick<ProductDetail, "description" | "sku" | "images">>;

/** The content fields of a product that came without them (Query.products, an order's line): batched. */
async function detailOf(p: ProductSource, ctx: GatewayContext): Promise<ProductDetail> {
  if (p.description !== undefined && p.images !== undefined && p.sku !== undefined) return p as ProductDetail;
  const found = await ctx.productById.load(p.id);
  return found ?? { ...p, description: "", sku: null, images: [] };
}

const ImageVariantType = builder.objectRef<ProductImage["variants"][number]>("ImageVariant").implement({
  description: "One stored size of a picture, for a responsive srcset.",
  fields: (t) => ({
    url: t.exposeString("url", { description: "A path on the gateway (and on Inventory)." }),
    width: t.exposeInt("width"),
    height: t.exposeInt("height"),
  }),
});

/**
 * What a list of pictures costs in the query-complexity budget: a product has
 * a few (at most PRODUCT_IMAGES_MAX), each in IMAGE_WIDTHS.length sizes. The
 * default list multiplier (10) for each level made a 24-product page with its
 * pictures' sizes cost 60,000, twelve times the budget.
 */
const PRODUCT_IMAGES_COMPLEXITY = { field: 1, multiplier: 3 };
const IMAGE_VARIANTS_COMPLEXITY = { field: 1, multiplier: IMAGE_WIDTHS.length };

export const ProductImageType = builder.objectRef<ProductImage>("ProductImage").implement({
  description: "A product picture; the first of a product's images is its main picture.",
  fields: (t) => ({
    id: t.exposeID("id"),
    url: t.exposeString("url", { description: "The largest stored size: a path on the gateway." }),
    alt: t.exposeString("alt"),
    width: t.exposeInt("width"),
    height: t.exposeInt("height"),
    variants: t.field({
      type: [ImageVariantType],
      description: "Every stored size, smallest first.",
      complexity: IMAGE_VARIANTS_COMPLEXITY,
      resolve: (i) => i.variants,
    }),
  }),
});

export const ProductType = builder.objectRef<ProductSource>("Product").implement({
  description: "A product of the catalog.",
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    priceCents: t.exposeInt("price_cents", { description: "Price in cents (USD)." }),
    stockQty: t.exposeInt("stock_qty", { description: "Units in stock now." }),
    description: t.string({
      description: "Plain text, up to 5,000 characters.",
      resolve: async (p, _args, ctx) => (await detailOf(p, ctx)).description,
    }),
    sku: t.string({ nullable: true, resolve: async (p, _args, ctx) => (await detailOf(p, ctx)).sku }),
    images: t.field({
      type: [ProductImageType],
      complexity: PRODUCT_IMAGES_COMPLEXITY,
      resolve: async (p, _args, ctx) => (await detailOf(p, ctx)).images,
    }),
  }),
});

export const AdminProductType = builder.objectRef<AdminProduct>("AdminProduct").implement({
  description: "A product as the admin sees it: archived ones too, with their lifecycle times.",
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    priceCents: t.exposeInt("price_cents"),
    stockQty: t.exposeInt("stock_qty"),
    description: t.exposeString("description"),
    sku: t.exposeString("sku", { nullable: true }),
    images: t.field({
      type: [ProductImageType],
      complexity: PRODUCT_IMAGES_COMPLEXITY,
      resolve: (p) => p.images,
    }),
    archivedAt: t.field({ type: "DateTime", nullable: true, resolve: (p) => p.archived_at }),
    createdAt: t.field({ type: "DateTime", resolve: (p) => p.created_at }),
    updatedAt: t.field({ type: "DateTime", resolve: (p) => p.updated_at }),
  }),
});

const CatalogSortType = builder.enumType("CatalogSort", {
  description: "The catalog's orders.",
  values: {
    NAME: { value: "name", description: "By name, A to Z." },
    PRICE_ASC: { value: "price_asc", description: "Cheapest first." },
    PRICE_DESC: { value: "price_desc", description: "Dearest first." },
    NEWEST: { value: "newest", description: "Newest first." },
  } as const,
});

interface CatalogEdge {
  cursor: string;
  node: ProductDetail;
}
interface CatalogConnection {
  edges: CatalogEdge[];
  hasNextPage: boolean;
  endCursor: string | null;
  totalCount: number | null;
}

const ProductEdgeType = builder.objectRef<CatalogEdge>("ProductEdge").implement({
  fields: (t) => ({
    cursor: t.exposeString("cursor", { description: "Pass as `after` for the products after this one." }),
    // A wrapper, not work: the product is what costs.
    node: t.field({ type: ProductType, complexity: 0, resolve: (e) => e.node }),
  }),
});

const PageInfoType = builder.objectRef<CatalogConnection>("PageInfo").implement({
  fields: (t) => ({
    hasNextPage: t.exposeBoolean("hasNextPage"),
    endCursor: t.exposeString("endCursor", { nullable: true }),
  }),
});

const ProductConnectionType = builder.objectRef<CatalogConnection>("ProductConnection").implement({
  description: "A page of the catalog (keyset-paged: a deep page costs what the first does).",
  fields: (t) => ({
    edges: t.field({
      type: [ProductEdgeType],
      complexity: PAGE_ITEMS_COMPLEXITY,
      resolve: (c) => c.edges,
    }),
    pageInfo: t.field({ type: PageInfoType, resolve: (c) => c }),
    totalCount: t.int({
      description: "Every product matching the search and filters.",
      resolve: (c) => c.totalCount ?? 0,
    }),
  }),
});

/** Whether the query selects `name` directly under this field (or in an inline fragment). */
function selects(info: GraphQLResolveInfo, name: string): boolean {
  const visit = (nodes: readonly FieldNode[]): boolean =>
    nodes.some((node) =>
      (node.selectionSet?.selections ?? []).some((s) => {
        if (s.kind === Kind.FIELD) return s.name.value === name;
        if (s.kind === Kind.INLINE_FRAGMENT) return visit([{ ...node, selectionSet: s.selectionSet }]);
        const fragment = info.fragments[s.name.value];
        return fragment ? visit([{ ...node, selectionSet: fragment.selectionSet }]) : false;
      }),
    );
  return visit(info.fieldNodes);
}

/** Whether the query gave `sort` itself (a search without one answers best match first). */
const sortGiven = (info: GraphQLResolveInfo) =>
  info.fieldNodes.some((node) => node.arguments?.some((a) => a.name.value === "sort"));

builder.queryFields((t) => ({
  products: t.field({
    type: [ProductType],
    // Nullable at the root: if Inventory is down, this field is null with an
    // error, and the other fields of the same query still resolve.
    nullable: true,
    description: "The whole catalog (archived products excluded), by name. For old clients: use catalog.",
    resolve: async (_root, _args, ctx) => {
      // Made slice by slice (answerBySlices): this execution's slice.
      if (ctx.productsSlice) return ctx.productsSlice;
      const held = await ctx.catalog.current(ctx);
      return held.oversized ? wholeOversizedCatalog(ctx) : held.products;
    },
  }),
  catalog: t.field({
    type: ProductConnectionType,
    description:
      "One page of the catalog. With a search and no sort given, best match first; `after` is an edge's cursor or pageInfo.endCursor.",
    args: {
      first: t.arg.int({ defaultValue: 24, description: "Page size, 1 to 100." }),
      after: t.arg.string(),
      search: t.arg.string({
        description: "Words of a name, description or SKU; forgiving of case, accents and typos.",
      }),
      sort: t.arg({ type: CatalogSortType, defaultValue: "name" }),
      inStock: t.arg.boolean({ description: "Only products in stock." }),
    },
    complexity: (args) => ({ field: 1, multiplier: args.first ?? 24 }),
    resolve: async (_root, args, ctx, info) => {
      const sort: CatalogSort | undefined =
        args.search && !sortGiven(info) ? undefined : (args.sort ?? "name");
      const input = {
        limit: args.first ?? 24,
        ...(args.after ? { cursor: args.after } : {}),
        ...(args.search ? { q: args.search } : {}),
        ...(sort ? { sort } : {}),
        ...(args.inStock ? { in_stock: true } : {}),
        ...(selects(info, "totalCount") ? { with_total: true } : {}),
      };
      const page = await ctx.catalogPages.get(input, (contentVersion) =>
        ctx.call(
          "inventory",
          ctx.services.inventory.products.page.query(
            contentVersion === undefined ? input : { ...input, content_version: contentVersion },
          ),
        ),
      );
      return {
        edges: page.items.map((node, i) => ({ node, cursor: page.cursors[i]! })),
        hasNextPage: page.next_cursor !== null,
        endCursor: page.cursors.at(-1) ?? null,
        totalCount: page.total_count,
      };
    },
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
        if (isNotFound(err)) return null;
        throw err;
      }
    },
  }),
}));
