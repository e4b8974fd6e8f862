import {
  CaptureResult,
  ErrorBody,
  IdempotencyKey,
  ListOrdersInput,
  Order,
  OrderPage,
  PlacedOrder,
  PlaceOrderInput,
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
  "400": error("Malformed id or query (validation_failed)"),
  "401": error("Missing or wrong admin token (unauthorized)"),
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
    securitySchemes: { adminToken: { type: "http", scheme: "bearer", description: "ADMIN_TOKEN" } },
  },
  paths: {
    "/orders": {
      post: {
        summary: "Place an order: all lines or nothing",
        requestParams: { header: z.object({ "Idempotency-Key": IdempotencyKey.optional() }) },
        requestBody: json(PlaceOrderInput),
        responses: {
          "201": {
            description:
              "The placed order (PENDING). With an Idempotency-Key, a retry with the same body gets this " +
              "answer byte for byte, with Idempotent-Replayed: true.",
            ...json(PlacedOrder),
          },
          "400": error(
            "Invalid body (validation_failed, invalid_json): no items, a bad qty, a malformed id, " +
              "too many lines or units, a total outside 1..ORDER_TOTAL_MAX cents",
          ),
          "404": error("Unknown or archived products (not_found; details: [{productId}])"),
          "409": error(
            "Not enough stock (insufficient_stock; details: [{productId, requested, available}]), " +
              "or the Idempotency-Key is in flight (idempotency_key_in_use)",
          ),
          "413": error("Body too large (payload_too_large)"),
          "422": error("The Idempotency-Key was used with another body (idempotency_key_reused)"),
        },
      },
      get: {
        summary: "The orders index, newest first, cursor-paginated",
        security: admin,
        requestParams: { query: ListOrdersInput },
        responses: { "200": { description: "A page of orders", ...json(OrderPage) }, ...adminErrors },
      },
    },
    "/orders/{id}": {
      get: {
        summary: "One order with its lines",
        requestParams: idParam,
        responses: {
          "200": { description: "The order", ...json(Order) },
          "400": error("Malformed id"),
          "404": error("No such order"),
        },
      },
    },
    "/orders/{id}/capture": {
      post: {
        summary: "Charge the order through Payments and mark it PAID (a retry never charges twice)",
        security: admin,
        requestParams: idParam,
        responses: {
          "200": { description: "The PAID order and the charge that paid it", ...json(CaptureResult) },
          "402": error(
            "The charge failed; the order stays PENDING (payment_failed; details: {status, charge_id})",
          ),
          "404": error("No such order"),
          "409": error(
            "The order is CANCELLED (invalid_state), or Payments is still busy with it (conflict)",
          ),
          "503": error("Payments is unreachable or too slow; the order is unchanged (service_unavailable)"),
          ...adminErrors,
        },
      },
    },
    "/orders/{id}/cancel": {
      post: {
        summary: "Cancel a PENDING order and return its stock (a CANCELLED order answers unchanged)",
        security: admin,
        requestParams: idParam,
        responses: {
          "200": { description: "The CANCELLED order", ...json(Order) },
          "404": error("No such order"),
          "409": error("The order is PAID (invalid_state)"),
          ...adminErrors,
        },
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
