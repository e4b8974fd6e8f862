import {
  AdminCatalogPageInput,
  AdminProduct,
  AdminProductList,
  CatalogPageInput,
  CreateProductInput,
  Product,
  ProductDetail,
  ProductList,
  StockChangeInput,
  UpdateProductInput,
} from "@shop/contracts";
import type { PrismaClient } from "@shop/db";
import {
  adminRoute,
  createRoute,
  errorAnswer,
  IdParams,
  jsonAnswer,
  jsonBody,
  restRoutes,
  sendJsonText,
  ServiceError,
  type RestRoutes,
} from "@shop/service";
import type { Context } from "hono";
import { z } from "zod";
import type { CatalogCache } from "../domain/catalog-cache.ts";
import { wholeCatalogJson } from "../domain/catalog-json.ts";
import { listCatalogPage, rowForAdmin } from "../domain/catalog-page.ts";
import type { SearchMatchesCache } from "../domain/search-matches.ts";
import * as products from "../domain/products.ts";
import { imageRoutes } from "./images.ts";

/** Whether the request has a query string at all, refusing a parameter given twice. */
function hasQuery(c: Context): boolean {
  const all = c.req.queries();
  for (const [name, values] of Object.entries(all)) {
    if (values.length > 1) {
      throw new ServiceError("validation_failed", `Invalid parameter: give ${name} once`, [
        { path: name, message: "must be given once" },
      ]);
    }
  }
  return Object.keys(all).length > 0;
}

/**
 * The next page's URL as an RFC 8288 Link header: this request's URL with
 * the next cursor, so a client follows it without building URLs.
 */
function linkNext(c: Context, cursor: string | null): void {
  if (!cursor) return;
  const next = new URL(c.req.url);
  next.searchParams.set("cursor", cursor);
  c.header("link", `<${next.toString()}>; rel="next"`);
}

/**
 * The locked REST contract of Inventory: each route declared once (its
 * schemas validate the request and write /openapi.json), over the domain
 * functions.
 */
export function productRoutes(
  db: PrismaClient,
  catalog: CatalogCache,
  searches: SearchMatchesCache,
): RestRoutes {
  return restRoutes()
    .openapi(listCatalog, async (c) => {
      // Without parameters, as it always was: the whole catalog, its JSON serialised once per
      // change; or, larger than Inventory holds, as PostgreSQL writes it, a thousand at a time.
      if (!hasQuery(c)) {
        const held = await catalog.held();
        return sendJsonText(c, held ? held.body : await wholeCatalogJson(db), 200);
      }
      const page = await listCatalogPage(db, c.req.valid("query"), { searches });
      linkNext(c, page.next_cursor);
      return c.json(page.items, 200);
    })
    .openapi(getProduct, async (c) =>
      c.json(await products.getCatalogProduct(db, c.req.valid("param").id), 200),
    )
    .openapi(createProduct, async (c) => {
      const created = await products.createProduct(db, c.req.valid("json"));
      // Where it now lives, as a 201 says: also how the audit trail learns what was made.
      c.header("location", `/products/${created.id}`);
      return c.json(created, 201);
    })
    .openapi(updateProduct, async (c) =>
      c.json(await products.updateProduct(db, c.req.valid("param").id, c.req.valid("json")), 200),
    )
    .openapi(changeStock, async (c) =>
      c.json(await products.changeStock(db, c.req.valid("param").id, c.req.valid("json")), 200),
    )
    .openapi(archiveProduct, async (c) => {
      await products.archiveProduct(db, c.req.valid("param").id);
      return c.body(null, 204);
    })
    .openapi(unarchiveProduct, async (c) => {
      await products.unarchiveProduct(db, c.req.valid("param").id);
      return c.body(null, 204);
    })
    .openapi(listAllProducts, async (c) => {
      if (!hasQuery(c)) return c.json(await products.listAllProducts(db), 200);
      const page = await listCatalogPage(db, c.req.valid("query"), {
        includeArchived: true,
        defaultSort: "newest",
        searches,
      });
      linkNext(c, page.next_cursor);
      return c.json(
        page.rows.map((row) => products.toAdminProduct(rowForAdmin(row), row.images)),
        200,
      );
    })
    .openapi(getAdminProduct, async (c) =>
      c.json(await products.getAdminProduct(db, c.req.valid("param").id), 200),
    )
    .route("/", imageRoutes(db));
}

const adminErrors = {
  400: errorAnswer("Malformed id or body (validation_failed, invalid_json)"),
  401: errorAnswer("Missing or wrong admin token (unauthorized)"),
  413: errorAnswer("Body too large (payload_too_large)"),
  415: errorAnswer("The body is not JSON (unsupported_media_type)"),
};

const nextLink = {
  link: {
    description: 'The next page: `<url>; rel="next"` (RFC 8288); absent on the last page',
    schema: { type: "string" as const },
  },
};

const listCatalog = createRoute({
  method: "get",
  path: "/products",
  summary: "The catalog (archived products excluded); with parameters, one page of it",
  description:
    "Without parameters: every product by name, the four locked fields. With limit, cursor, q (search), " +
    "sort or in_stock: one keyset page of products with their content, the next page's URL in a Link header.",
  request: { query: CatalogPageInput.omit({ with_total: true }) },
  responses: {
    200: {
      ...jsonAnswer(
        "Products (a page: with description, sku and images)",
        z.union([ProductList, z.array(ProductDetail)]),
      ),
      headers: nextLink,
    },
    400: errorAnswer("A malformed parameter or cursor (validation_failed)"),
  },
});

const getProduct = createRoute({
  method: "get",
  path: "/products/{id}",
  summary: "One catalog product with its description, SKU and images",
  request: { params: IdParams },
  responses: {
    200: jsonAnswer("The product", ProductDetail),
    400: errorAnswer("Malformed id"),
    404: errorAnswer("No such product, or archived"),
  },
});

const createProduct = createRoute({
  method: "post",
  path: "/products",
  summary: "Create a product",
  ...adminRoute("products.write"),
  request: { body: jsonBody(CreateProductInput) },
  responses: {
    201: {
      ...jsonAnswer("The created product", Product),
      headers: {
        Location: { description: "The product's address: /products/{id}", schema: { type: "string" } },
      },
    },
    409: errorAnswer("The SKU is another product's (conflict)"),
    ...adminErrors,
  },
});

const updateProduct = createRoute({
  method: "patch",
  path: "/products/{id}",
  summary: "Rename, reprice, describe or re-SKU a product",
  ...adminRoute("products.write"),
  request: { params: IdParams, body: jsonBody(UpdateProductInput) },
  responses: {
    200: jsonAnswer("The product", Product),
    404: errorAnswer("No such product"),
    409: errorAnswer("The SKU is another product's (conflict)"),
    ...adminErrors,
  },
});

const changeStock = createRoute({
  method: "patch",
  path: "/products/{id}/stock",
  summary: "Set ({stock_qty}) or adjust ({delta}) the stock level",
  ...adminRoute("products.write"),
  request: { params: IdParams, body: jsonBody(StockChangeInput) },
  responses: {
    200: jsonAnswer("The product", Product),
    404: errorAnswer("No such product"),
    409: errorAnswer("The delta would take stock below 0 (insufficient_stock) or above the maximum"),
    ...adminErrors,
  },
});

const archiveProduct = createRoute({
  method: "delete",
  path: "/products/{id}",
  summary: "Archive a product (gone from the catalog, kept for old orders)",
  ...adminRoute("products.write"),
  request: { params: IdParams },
  responses: { 204: { description: "Archived" }, 404: errorAnswer("No such product"), ...adminErrors },
});

const unarchiveProduct = createRoute({
  method: "post",
  path: "/products/{id}/unarchive",
  summary: "Restore an archived product to the catalog (name, price and stock as they were)",
  ...adminRoute("products.write"),
  request: { params: IdParams },
  responses: {
    204: { description: "In the catalog again (also when it was not archived)" },
    404: errorAnswer("No such product"),
    ...adminErrors,
  },
});

const listAllProducts = createRoute({
  method: "get",
  path: "/admin/products",
  summary: "Every product, archived ones too, newest first; with parameters, one page (searchable)",
  ...adminRoute("products.read"),
  request: { query: AdminCatalogPageInput },
  responses: { 200: { ...jsonAnswer("Products", AdminProductList), headers: nextLink }, ...adminErrors },
});

const getAdminProduct = createRoute({
  method: "get",
  path: "/admin/products/{id}",
  summary: "One product as the admin sees it, archived or not",
  ...adminRoute("products.read"),
  request: { params: IdParams },
  responses: {
    200: jsonAnswer("The product", AdminProduct),
    404: errorAnswer("No such product"),
    ...adminErrors,
  },
});
