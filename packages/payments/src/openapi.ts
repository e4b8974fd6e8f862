import {
  Charge,
  ChargeResult,
  CreateChargeInput,
  CreateRefundInput,
  IdempotencyKey,
  RefundResult,
  Uuid,
} from "@shop/contracts";
import { errorResponse, jsonContent, operationalPaths } from "@shop/service";
import { z } from "zod";
import { createDocument } from "zod-openapi";

/** The OpenAPI document of the REST door, built from the same zod schemas that validate it. */

export const openApiDocument: ReturnType<typeof createDocument> = createDocument({
  openapi: "3.1.0",
  info: {
    title: "Shop Payments",
    version: "1.0.0",
    description:
      "Idempotent charges. Every error body is {error, message, details?}. " +
      "A retry with the same Idempotency-Key and body gets the first answer, byte for byte.",
  },
  paths: {
    "/charges": {
      post: {
        summary: "Charge an order, at most once per Idempotency-Key",
        requestParams: { header: z.object({ "Idempotency-Key": IdempotencyKey }) },
        requestBody: jsonContent(CreateChargeInput),
        responses: {
          "201": {
            description:
              "The charge: status succeeded or failed. A replay answers the same, with Idempotent-Replayed: true.",
            ...jsonContent(ChargeResult),
          },
          "400": errorResponse(
            "Missing or malformed Idempotency-Key, or an invalid body (validation_failed, invalid_json)",
          ),
          "409": errorResponse("A request with this key is still in flight (idempotency_key_in_use)"),
          "413": errorResponse("Body too large (payload_too_large)"),
          "422": errorResponse("This key was used with a different body (idempotency_key_reused)"),
        },
      },
    },
    "/refunds": {
      post: {
        summary: "Refund part or all of a charge, at most once per Idempotency-Key",
        requestParams: { header: z.object({ "Idempotency-Key": IdempotencyKey }) },
        requestBody: jsonContent(CreateRefundInput),
        responses: {
          "201": {
            description: "The refund. A replay answers the same, with Idempotent-Replayed: true.",
            ...jsonContent(RefundResult),
          },
          "400": errorResponse("Missing or malformed Idempotency-Key, or an invalid body (validation_failed)"),
          "404": errorResponse("No such charge (not_found)"),
          "409": errorResponse(
            "More than the charge's unrefunded amount (refund_exceeds_captured), a failed charge " +
              "(invalid_state), or a request with this key is still in flight (idempotency_key_in_use)",
          ),
          "413": errorResponse("Body too large (payload_too_large)"),
          "422": errorResponse("This key was used with a different body (idempotency_key_reused)"),
        },
      },
    },
    "/charges/{id}": {
      get: {
        summary: "One charge",
        requestParams: { path: z.object({ id: Uuid }) },
        responses: {
          "200": { description: "The charge and its refunds", ...jsonContent(Charge) },
          "400": errorResponse("Malformed id"),
          "404": errorResponse("No such charge"),
        },
      },
    },
    ...operationalPaths,
  },
});
