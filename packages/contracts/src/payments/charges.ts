import { z } from "zod";
import { IdempotencyKey } from "../idempotency.ts";
import { Uuid } from "../ids.ts";

/** $10,000,000.00: well inside int4 and far above any order this shop takes. */
export const CHARGE_AMOUNT_MAX = 1_000_000_000;
export const ORDER_REFERENCE_MAX = 200;

export const ChargeStatus = z.enum(["succeeded", "failed"]).meta({ id: "ChargeStatus" });
export type ChargeStatus = z.infer<typeof ChargeStatus>;

/** `POST /charges` body. */
export const CreateChargeInput = z
  .strictObject({
    order_id: z
      .string()
      .trim()
      .min(1, "must not be empty")
      .regex(/^[^\p{Cc}]*$/u, "must not contain control characters")
      .max(ORDER_REFERENCE_MAX, `must be at most ${ORDER_REFERENCE_MAX} characters`),
    amount_cents: z
      .number()
      .int("must be a whole number of cents")
      .positive("must be positive")
      .max(CHARGE_AMOUNT_MAX, `must be at most ${CHARGE_AMOUNT_MAX}`),
  })
  .meta({ id: "CreateChargeInput" });
export type CreateChargeInput = z.infer<typeof CreateChargeInput>;

/** The tRPC door carries the key in its input rather than a header. */
export const CreateChargeRequest = CreateChargeInput.extend({ idempotency_key: IdempotencyKey });
export type CreateChargeRequest = z.infer<typeof CreateChargeRequest>;

/** `POST /charges` answer: the locked contract, field names exact. */
export const ChargeResult = z.object({ status: ChargeStatus, charge_id: Uuid }).meta({ id: "ChargeResult" });
export type ChargeResult = z.infer<typeof ChargeResult>;

/** `POST /refunds` body: refund part or all of a succeeded charge. */
export const CreateRefundInput = z
  .strictObject({
    charge_id: Uuid,
    amount_cents: z
      .number()
      .int("must be a whole number of cents")
      .positive("must be positive")
      .max(CHARGE_AMOUNT_MAX, `must be at most ${CHARGE_AMOUNT_MAX}`),
  })
  .meta({ id: "CreateRefundInput" });
export type CreateRefundInput = z.infer<typeof CreateRefundInput>;

/** The tRPC door carries the key in its input rather than a header. */
export const CreateRefundRequest = CreateRefundInput.extend({ idempotency_key: IdempotencyKey });
export type CreateRefundRequest = z.infer<typeof CreateRefundRequest>;

/** `POST /refunds` answer (201). A refund that is made has succeeded; a refused one is an error. */
export const RefundResult = z
  .object({ refund_id: Uuid, status: z.literal("succeeded"), amount_cents: z.number().int() })
  .meta({ id: "RefundResult" });
export type RefundResult = z.infer<typeof RefundResult>;

/** One refund of a charge, as `GET /charges/:id` lists them. */
export const ChargeRefund = z
  .object({ id: Uuid, amount_cents: z.number().int(), created_at: z.iso.datetime() })
  .meta({ id: "ChargeRefund" });
export type ChargeRefund = z.infer<typeof ChargeRefund>;

/** `GET /charges/:id`: the charge and its refunds, oldest first. */
export const Charge = z
  .object({
    id: Uuid,
    order_id: z.string(),
    amount_cents: z.number().int(),
    status: ChargeStatus,
    created_at: z.iso.datetime(),
    refunded_cents: z.number().int(),
    refunds: z.array(ChargeRefund),
  })
  .meta({ id: "Charge" });
export type Charge = z.infer<typeof Charge>;
