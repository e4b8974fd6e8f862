import { IdempotencyKey } from "@shop/contracts";
import { sendJsonText } from "@shop/service";
import type { Context } from "hono";
import { z } from "zod";
import type { IdempotentAnswer } from "./store.ts";

export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

/**
 * The `Idempotency-Key` header of a route's declaration (`request.headers`):
 * missing, empty or over 255 characters is a 400 naming the header.
 */
export const IdempotencyKeyHeader = z.object({ [IDEMPOTENCY_KEY_HEADER]: IdempotencyKey });

/** The same header where a key is optional: absent is fine, present is checked as above. */
export const OptionalIdempotencyKeyHeader = z.object({ [IDEMPOTENCY_KEY_HEADER]: IdempotencyKey.optional() });

/**
 * The answer as the client gets it: a replay is the stored JSON text, byte
 * for byte, with the stored status, marked `Idempotent-Replayed: true`.
 * Typed as the 201 of a first answer, which is what the routes declare.
 */
export function sendIdempotentAnswer(c: Context, answer: IdempotentAnswer<unknown>) {
  if (answer.replayed) c.header("Idempotent-Replayed", "true");
  return sendJsonText(c, answer.bodyText, answer.status as 201);
}
