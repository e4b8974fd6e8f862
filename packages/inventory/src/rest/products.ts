import {
  AdminProductList,
  CreateProductInput,
  Product,
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
  type RestRoutes,
} from "@shop/service";
import type { CatalogCache } from "../domain/catalog-cache.ts";
import * as products from "../domain/products.ts";

/**
 * The locked REST contract of Inventory: each route declared once (its
 * schemas validate the request and write /openapi.json), over the domain
 * functions.
 */
export function productRoutes(db: PrismaClient, catalog: CatalogCache): RestRoutes {
  return (
    restRoutes()
      // The catalog's JSON is serialised once per change, not once per request.
      .openapi(listCatalog, async (c) => sendJsonText(c, (await catalog.get()).json, 200))
      .openapi(getProduct, async (c) =>
        c.json(await products.getCatalogProduct(db, c.req.valid("param").id), 200),
      )
      .openapi(createProduct, async (c) => c.json(await products.createProduct(db, c.req.valid("json")), 201))
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
      .openapi(listAllProducts, async (c) => c.json(await products.listAllProducts(db), 200))
  );
}

const adminErrors = {
  400: errorAnswer("Malformed id or body (validation_failed, invalid_json)"),
  401: errorAnswer("Missing or wrong admin token (unauthorized)"),
  413: errorAnswer("Body too large (payload_too_large)"),
  415: errorAnswer("The body is not JSON (unsupported_media_type)"),
};

const listCatalog = createRoute({
  method: "get",
  path: "/products",
  summary: "The catalog (archived products excluded)",
  responses: { 200: jsonAnswer("Products by name", ProductList) },
});

const getProduct = createRoute({
  method: "get",
  path: "/products/{id}",
  summary: "One catalog product",
  request: { params: IdParams },
  responses: {
    200: jsonAnswer("The product", Product),
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
  responses: { 201: jsonAnswer("The created product", Product), ...adminErrors },
});

const updateProduct = createRoute({
  method: "patch",
  path: "/products/{id}",
  summary: "Rename or reprice a product",
  ...adminRoute("products.write"),
  request: { params: IdParams, body: jsonBody(UpdateProductInput) },
  responses: {
    200: jsonAnswer("The product", Product),
    404: errorAnswer("No such product"),
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
  summary: "Every product, archived ones too, newest first",
  ...adminRoute("products.read"),
  responses: { 200: jsonAnswer("Products", AdminProductList), ...adminErrors },
});
