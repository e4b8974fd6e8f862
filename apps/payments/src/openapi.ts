import { Charge, ChargeResult, CreateChargeInput, ErrorBody, IdempotencyKey, Uuid } from "@shop/contracts";
import { z } from "zod";
import { createDocument } from "zod-openapi";

/** The OpenAPI document of the REST door, built from the same zod schemas that validate it. */

const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
const error = (description: string) => ({ description, ...json(ErrorBody) });

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
        requestBody: json(CreateChargeInput),
        responses: {
          "201": {
            description:
              "The charge: status succeeded or failed. A replay answers the same, with Idempotent-Replayed: true.",
            ...json(ChargeResult),
          },
          "400": error(
            "Missing or malformed Idempotency-Key, or an invalid body (validation_failed, invalid_json)",
          ),
          "409": error("A request with this key is still in flight (idempotency_key_in_use)"),
          "413": error("Body too large (payload_too_large)"),
          "422": error("This key was used with a different body (idempotency_key_reused)"),
        },
      },
    },
    "/charges/{id}": {
      get: {
        summary: "One charge",
        requestParams: { path: z.object({ id: Uuid }) },
        responses: {
          "200": { description: "The charge", ...json(Charge) },
          "400": error("Malformed id"),
          "404": error("No such charge"),
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
