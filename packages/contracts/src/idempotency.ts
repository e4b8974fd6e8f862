import { z } from "zod";

/** Longest `Idempotency-Key` accepted (Stripe's limit, and the IETF draft's advice to bound it). */
export const IDEMPOTENCY_KEY_MAX = 255;

/**
 * The `Idempotency-Key` header: 1 to 255 visible ASCII characters (a UUID v4
 * is what clients should send). Leading and trailing spaces are not part of it.
 */
export const IdempotencyKey = z
  .string({ message: "the Idempotency-Key header is required" })
  .trim()
  .min(1, "the Idempotency-Key header must not be empty")
  .max(IDEMPOTENCY_KEY_MAX, `the Idempotency-Key header must be at most ${IDEMPOTENCY_KEY_MAX} characters`)
  .regex(/^[\x21-\x7e]+$/, "the Idempotency-Key header must be visible ASCII characters")
  .meta({ id: "IdempotencyKey" });
export type IdempotencyKey = z.infer<typeof IdempotencyKey>;
