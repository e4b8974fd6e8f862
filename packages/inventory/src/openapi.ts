import {
  AdminProductList,
  CreateProductInput,
  Product,
  ProductList,
  StockChangeInput,
  UpdateProductInput,
} from "@shop/contracts";
import {
  adminSecurity,
  adminTokenScheme,
  errorResponse,
  idPathParam,
  jsonContent,
  operationalPaths,
} from "@shop/service";
import { createDocument, type ZodOpenApiResponsesObject } from "zod-openapi";

/** The OpenAPI document of the REST door, built from the same zod schemas that validate it. */

const adminErrors: ZodOpenApiResponsesObject = {
  "400": errorResponse("Malformed id or body (validation_failed, invalid_json)"),
  "401": errorResponse("Missing or wrong admin token (unauthorized)"),
  "413": errorResponse("Body too large (payload_too_large)"),
};

export const openApiDocument: ReturnType<typeof createDocument> = createDocument({
  openapi: "3.1.0",
  info: {
    title: "Shop Inventory",
    version: "1.0.0",
    description: "Products and stock. Every error body is {error, message, details?}.",
  },
  components: {
    securitySchemes: adminTokenScheme,
  },
  paths: {
    "/products": {
      get: {
        summary: "The catalog (archived products excluded)",
        responses: { "200": { description: "Products by name", ...jsonContent(ProductList) } },
      },
      post: {
        summary: "Create a product",
        security: adminSecurity,
        requestBody: jsonContent(CreateProductInput),
        responses: { "201": { description: "The created product", ...jsonContent(Product) }, ...adminErrors },
      },
    },
    "/products/{id}": {
      get: {
        summary: "One catalog product",
        requestParams: idPathParam,
        responses: {
          "200": { description: "The product", ...jsonContent(Product) },
          "400": errorResponse("Malformed id"),
          "404": errorResponse("No such product, or archived"),
        },
      },
      patch: {
        summary: "Rename or reprice a product",
        security: adminSecurity,
        requestParams: idPathParam,
        requestBody: jsonContent(UpdateProductInput),
        responses: {
          "200": { description: "The product", ...jsonContent(Product) },
          "404": errorResponse("No such product"),
          ...adminErrors,
        },
      },
      delete: {
        summary: "Archive a product (gone from the catalog, kept for old orders)",
        security: adminSecurity,
        requestParams: idPathParam,
        responses: {
          "204": { description: "Archived" },
          "404": errorResponse("No such product"),
          ...adminErrors,
        },
      },
    },
    "/products/{id}/unarchive": {
      post: {
        summary: "Restore an archived product to the catalog (name, price and stock as they were)",
        security: adminSecurity,
        requestParams: idPathParam,
        responses: {
          "204": { description: "In the catalog again (also when it was not archived)" },
          "404": errorResponse("No such product"),
          ...adminErrors,
        },
      },
    },
    "/products/{id}/stock": {
      patch: {
        summary: "Set ({stock_qty}) or adjust ({delta}) the stock level",
        security: adminSecurity,
        requestParams: idPathParam,
        requestBody: jsonContent(StockChangeInput),
        responses: {
          "200": { description: "The product", ...jsonContent(Product) },
          "404": errorResponse("No such product"),
          "409": errorResponse(
            "The delta would take stock below 0 (insufficient_stock) or above the maximum",
          ),
          ...adminErrors,
        },
      },
    },
    "/admin/products": {
      get: {
        summary: "Every product, archived ones too, newest first",
        security: adminSecurity,
        responses: { "200": { description: "Products", ...jsonContent(AdminProductList) }, ...adminErrors },
      },
    },
    ...operationalPaths,
  },
});
