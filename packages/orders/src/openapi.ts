import {
  CaptureResult,
  IdempotencyKey,
  ListOrdersInput,
  Order,
  OrderPage,
  PlacedOrder,
  PlaceOrderInput,
} from "@shop/contracts";
import {
  adminSecurity,
  adminTokenScheme,
  errorResponse,
  idPathParam,
  jsonContent,
  operationalPaths,
} from "@shop/service";
import { z } from "zod";
import { createDocument, type ZodOpenApiResponsesObject } from "zod-openapi";

/** The OpenAPI document of the REST door, built from the same zod schemas that validate it. */

const adminErrors: ZodOpenApiResponsesObject = {
  "400": errorResponse("Malformed id or query (validation_failed)"),
  "401": errorResponse("Missing or wrong admin token (unauthorized)"),
};

export const openApiDocument: ReturnType<typeof createDocument> = createDocument({
  openapi: "3.1.0",
  info: {
    title: "Shop Orders",
    version: "1.0.0",
    description:
      "ACID order placement (row locks in one READ COMMITTED transaction) and capture through Payments. " +
      "Every error body is {error, message, details?}.",
  },
  components: {
    securitySchemes: adminTokenScheme,
  },
  paths: {
    "/orders": {
      post: {
        summary: "Place an order: all lines or nothing",
        requestParams: { header: z.object({ "Idempotency-Key": IdempotencyKey.optional() }) },
        requestBody: jsonContent(PlaceOrderInput),
        responses: {
          "201": {
            description:
              "The placed order (PENDING). With an Idempotency-Key, a retry with the same body gets this " +
              "answer byte for byte, with Idempotent-Replayed: true.",
            ...jsonContent(PlacedOrder),
          },
          "400": errorResponse(
            "Invalid body (validation_failed, invalid_json): no items, a bad qty, a malformed id, " +
              "too many lines or units, a total outside 1..ORDER_TOTAL_MAX cents",
          ),
          "404": errorResponse("Unknown or archived products (not_found; details: [{productId}])"),
          "409": errorResponse(
            "Not enough stock (insufficient_stock; details: [{productId, requested, available}]), " +
              "or the Idempotency-Key is in flight (idempotency_key_in_use)",
          ),
          "413": errorResponse("Body too large (payload_too_large)"),
          "422": errorResponse("The Idempotency-Key was used with another body (idempotency_key_reused)"),
        },
      },
      get: {
        summary: "The orders index, newest first, cursor-paginated",
        security: adminSecurity,
        requestParams: { query: ListOrdersInput },
        responses: { "200": { description: "A page of orders", ...jsonContent(OrderPage) }, ...adminErrors },
      },
    },
    "/orders/{id}": {
      get: {
        summary: "One order with its lines",
        requestParams: idPathParam,
        responses: {
          "200": { description: "The order", ...jsonContent(Order) },
          "400": errorResponse("Malformed id"),
          "404": errorResponse("No such order"),
        },
      },
    },
    "/orders/{id}/capture": {
      post: {
        summary: "Charge the order through Payments and mark it PAID (a retry never charges twice)",
        security: adminSecurity,
        requestParams: idPathParam,
        responses: {
          "200": { description: "The PAID order and the charge that paid it", ...jsonContent(CaptureResult) },
          "402": errorResponse(
            "The charge failed; the order stays PENDING (payment_failed; details: {status, charge_id})",
          ),
          "404": errorResponse("No such order"),
          "409": errorResponse(
            "The order is CANCELLED (invalid_state), or Payments is still busy with it (conflict)",
          ),
          "503": errorResponse(
            "Payments is unreachable or too slow; the order is unchanged (service_unavailable)",
          ),
          ...adminErrors,
        },
      },
    },
    "/orders/{id}/cancel": {
      post: {
        summary: "Cancel a PENDING order and return its stock (a CANCELLED order answers unchanged)",
        security: adminSecurity,
        requestParams: idPathParam,
        responses: {
          "200": { description: "The CANCELLED order", ...jsonContent(Order) },
          "404": errorResponse("No such order"),
          "409": errorResponse("The order is PAID (invalid_state)"),
          ...adminErrors,
        },
      },
    },
    ...operationalPaths,
  },
});
