import { z } from "zod";

/**
 * Stable, snake_case error codes. Clients switch on these, so a code is never
 * renamed; a new situation gets a new code.
 */
export const ErrorCode = z.enum([
  "validation_failed",
  "invalid_json",
  "batch_too_large",
  "unauthorized",
  "forbidden",
  "not_found",
  "conflict",
  "insufficient_stock",
  "invalid_state",
  "payment_failed",
  "refund_exceeds_captured",
  "idempotency_key_in_use",
  "idempotency_key_reused",
  "payload_too_large",
  "unsupported_media_type",
  "method_not_allowed",
  "rate_limited",
  "internal_error",
  "service_unavailable",
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** The HTTP status each code answers with on the REST door. */
export const httpStatusOf = {
  validation_failed: 400,
  invalid_json: 400,
  batch_too_large: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  insufficient_stock: 409,
  invalid_state: 409,
  refund_exceeds_captured: 409,
  idempotency_key_in_use: 409,
  payment_failed: 402,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const satisfies Record<ErrorCode, number>;

/** One problem with one field of a request, as `details` lists them. */
export const FieldIssue = z.object({
  path: z.string().meta({ description: "Dotted path of the offending field; empty for the whole body." }),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof FieldIssue>;

/** Every error body of every service: `{error, message, details?}`. */
export const ErrorBody = z
  .object({
    error: ErrorCode,
    message: z.string(),
    details: z.unknown().optional(),
  })
  .meta({ id: "ErrorBody" });
export type ErrorBody = z.infer<typeof ErrorBody>;
