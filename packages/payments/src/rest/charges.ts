import { Charge, ChargeResult, CreateChargeInput, CreateRefundInput, RefundResult } from "@shop/contracts";
import { IdempotencyKeyHeader, sendIdempotentAnswer } from "@shop/idempotency";
import {
  createRoute,
  errorAnswer,
  IdParams,
  jsonAnswer,
  jsonBody,
  restRoutes,
  type RestRoutes,
} from "@shop/service";
import { createCharge, getCharge, type ChargeDeps } from "../domain/charges.ts";
import { createRefund } from "../domain/refunds.ts";

/**
 * The locked REST contract of Payments and its refunds: each route declared
 * once (its schemas validate the request and write /openapi.json), over the
 * domain functions.
 */
export function chargeRoutes(deps: ChargeDeps): RestRoutes {
  return restRoutes()
    .openapi(chargeOrder, async (c) => {
      const idempotencyKey = c.req.valid("header")["Idempotency-Key"];
      return sendIdempotentAnswer(
        c,
        await createCharge(deps, { idempotencyKey, input: c.req.valid("json") }),
      );
    })
    .openapi(refundCharge, async (c) => {
      const idempotencyKey = c.req.valid("header")["Idempotency-Key"];
      return sendIdempotentAnswer(
        c,
        await createRefund(deps, { idempotencyKey, input: c.req.valid("json") }),
      );
    })
    .openapi(getChargeRoute, async (c) => c.json(await getCharge(deps.db, c.req.valid("param").id), 200));
}

const chargeOrder = createRoute({
  method: "post",
  path: "/charges",
  summary: "Charge an order, at most once per Idempotency-Key",
  request: { headers: IdempotencyKeyHeader, body: jsonBody(CreateChargeInput) },
  responses: {
    201: jsonAnswer(
      "The charge: status succeeded or failed. A replay answers the same, with Idempotent-Replayed: true.",
      ChargeResult,
    ),
    400: errorAnswer(
      "Missing or malformed Idempotency-Key, or an invalid body (validation_failed, invalid_json)",
    ),
    409: errorAnswer("A request with this key is still in flight (idempotency_key_in_use)"),
    413: errorAnswer("Body too large (payload_too_large)"),
    415: errorAnswer("The body is not JSON (unsupported_media_type)"),
    422: errorAnswer("This key was used with a different body (idempotency_key_reused)"),
  },
});

const refundCharge = createRoute({
  method: "post",
  path: "/refunds",
  summary: "Refund part or all of a charge, at most once per Idempotency-Key",
  request: { headers: IdempotencyKeyHeader, body: jsonBody(CreateRefundInput) },
  responses: {
    201: jsonAnswer("The refund. A replay answers the same, with Idempotent-Replayed: true.", RefundResult),
    400: errorAnswer("Missing or malformed Idempotency-Key, or an invalid body (validation_failed)"),
    404: errorAnswer("No such charge (not_found)"),
    409: errorAnswer(
      "More than the charge's unrefunded amount (refund_exceeds_captured), a failed charge " +
        "(invalid_state), or a request with this key is still in flight (idempotency_key_in_use)",
    ),
    413: errorAnswer("Body too large (payload_too_large)"),
    415: errorAnswer("The body is not JSON (unsupported_media_type)"),
    422: errorAnswer("This key was used with a different body (idempotency_key_reused)"),
  },
});

const getChargeRoute = createRoute({
  method: "get",
  path: "/charges/{id}",
  summary: "One charge and its refunds",
  request: { params: IdParams },
  responses: {
    200: jsonAnswer("The charge and its refunds", Charge),
    400: errorAnswer("Malformed id"),
    404: errorAnswer("No such charge"),
  },
});
