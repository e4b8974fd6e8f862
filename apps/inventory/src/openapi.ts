import {
  AdminProductList,
  CreateProductInput,
  ErrorBody,
  Product,
  ProductList,
  StockChangeInput,
  UpdateProductInput,
  Uuid,
} from "@shop/contracts";
import { z } from "zod";
import { createDocument, type ZodOpenApiResponsesObject } from "zod-openapi";

/** The OpenAPI document of the REST door, built from the same zod schemas that validate it. */

const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
const error = (description: string) => ({ description, ...json(ErrorBody) });
const idParam = { path: z.object({ id: Uuid }) };
const admin = [{ adminToken: [] }];
const adminErrors: ZodOpenApiResponsesObject = {
  "400": error("Malformed id or body (validation_failed, invalid_json)"),
  "401": error("Missing or wrong admin token (unauthorized)"),
  "413": error("Body too large (payload_too_large)"),
};

export const openApiDocument: ReturnType<typeof createDocument> = createDocument({
  openapi: "3.1.0",
  info: {
    title: "Shop Inventory",
    version: "1.0.0",
    description: "Products and stock. Every error body is {error, message, details?}.",
  },
  components: {
    securitySchemes: { adminToken: { type: "http", scheme: "bearer", description: "ADMIN_TOKEN" } },
  },
  paths: {
    "/products": {
      get: {
        summary: "The catalog (archived products excluded)",
        responses: { "200": { description: "Products by name", ...json(ProductList) } },
      },
      post: {
        summary: "Create a product",
        security: admin,
        requestBody: json(CreateProductInput),
        responses: { "201": { description: "The created product", ...json(Product) }, ...adminErrors },
      },
    },
    "/products/{id}": {
      get: {
        summary: "One catalog product",
        requestParams: idParam,
        responses: {
          "200": { description: "The product", ...json(Product) },
          "400": error("Malformed id"),
          "404": error("No such product, or archived"),
        },
      },
      patch: {
        summary: "Rename or reprice a product",
        security: admin,
        requestParams: idParam,
        requestBody: json(UpdateProductInput),
        responses: {
          "200": { description: "The product", ...json(Product) },
          "404": error("No such product"),
          ...adminErrors,
        },
      },
      delete: {
        summary: "Archive a product (gone from the catalog, kept for old orders)",
        security: admin,
        requestParams: idParam,
        responses: { "204": { description: "Archived" }, "404": error("No such product"), ...adminErrors },
      },
    },
    "/products/{id}/stock": {
      patch: {
        summary: "Set ({stock_qty}) or adjust ({delta}) the stock level",
        security: admin,
        requestParams: idParam,
        requestBody: json(StockChangeInput),
        responses: {
          "200": { description: "The product", ...json(Product) },
          "404": error("No such product"),
          "409": error("The delta would take stock below 0 (insufficient_stock) or above the maximum"),
          ...adminErrors,
        },
      },
    },
    "/admin/products": {
      get: {
        summary: "Every product, archived ones too, newest first",
        security: admin,
        responses: { "200": { description: "Products", ...json(AdminProductList) }, ...adminErrors },
      },
    },
    "/healthz": { get: { summary: "The process is up", responses: { "200": { description: "ok" } } } },
    "/readyz": {
      get: {
        summary: "The database is reachable",
        responses: { "200": { description: "ready" }, "503": error("Database unreachable") },
      },
    },
  },
});
