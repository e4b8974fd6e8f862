import { IdempotencyKey } from "@shop/contracts";
import { readParam } from "@shop/service";
import type { Context } from "hono";
import type { IdempotentAnswer } from "./store.ts";

export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

/** The `Idempotency-Key` header, checked: missing, empty or over 255 characters is a 400. */
export function readIdempotencyKey(c: Context): string {
  return readParam(IdempotencyKey, c.req.header(IDEMPOTENCY_KEY_HEADER), IDEMPOTENCY_KEY_HEADER);
}

/** The header when present (checked as above), else undefined: for endpoints where a key is optional. */
export function readOptionalIdempotencyKey(c: Context): string | undefined {
  return c.req.header(IDEMPOTENCY_KEY_HEADER) === undefined ? undefined : readIdempotencyKey(c);
}

/**
 * The answer as the client gets it: a replay is the stored JSON text, byte
 * for byte, with the stored status, marked `Idempotent-Replayed: true`.
 */
export function sendIdempotentAnswer(c: Context, answer: IdempotentAnswer<unknown>): Response {
  if (answer.replayed) c.header("Idempotent-Replayed", "true");
  c.header("content-type", "application/json; charset=UTF-8");
  return c.body(answer.bodyText, answer.status as 200);
}
