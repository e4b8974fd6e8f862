import {
  CaptureResult,
  FulfillOrderInput,
  ListOrdersInput,
  Order,
  OrderDetail,
  OrderDetailQuery,
  OrderLookupInput,
  OrderLookupResult,
  OrderPage,
  PlacedOrder,
  PlaceOrderInput,
  RefundOrderInput,
  RefundOrderResult,
} from "@shop/contracts";
import { OptionalIdempotencyKeyHeader, sendIdempotentAnswer } from "@shop/idempotency";
import {
  adminRoute,
  createRoute,
  errorAnswer,
  IdParams,
  jsonAnswer,
  jsonBody,
  restRoutes,
  type RestRoutes,
  type ServiceHonoEnv,
} from "@shop/service";
import type { Context } from "hono";
import { timelineActor } from "../domain/actor.ts";
import { cancelOrder } from "../domain/cancel-order.ts";
import { captureOrder } from "../domain/capture-order.ts";
import type { OrdersDeps } from "../domain/deps.ts";
import { fulfillOrder } from "../domain/fulfill-order.ts";
import { placeOrder } from "../domain/place-order.ts";
import { getOrder, getOrderDetail, listOrders, lookupOrder } from "../domain/read-orders.ts";
import { refundOrder } from "../domain/refund-order.ts";

/** Who is asking, for the timeline: the request's identity and id. */
const actor = (c: Context<ServiceHonoEnv>) =>
  timelineActor({ actor: c.get("actor"), requestId: c.get("requestId") });

/**
 * The locked REST contract of Orders and its checkout additions: each route
 * declared once (its schemas validate the request and write /openapi.json),
 * over the domain functions.
 */
export function orderRoutes(deps: OrdersDeps): RestRoutes {
  return restRoutes()
    .openapi(placeOrderRoute, async (c) => {
      const idempotencyKey = c.req.valid("header")["Idempotency-Key"];
      return sendIdempotentAnswer(
        c,
        await placeOrder(deps, { input: c.req.valid("json"), idempotencyKey, actor: actor(c) }),
      );
    })
    .openapi(listOrdersRoute, async (c) => c.json(await listOrders(deps.db, c.req.valid("query")), 200))
    .openapi(lookupOrderRoute, async (c) =>
      c.json(await lookupOrder(deps.db, deps.lookupLimiter, c.req.valid("json")), 200),
    )
    .openapi(getOrderRoute, async (c) => c.json(await getOrder(deps.db, c.req.valid("param").id), 200))
    .openapi(getOrderDetailRoute, async (c) =>
      c.json(
        await getOrderDetail(deps.db, c.req.valid("param").id, {
          isAdmin: c.get("isAdmin"),
          token: c.req.valid("query").token,
        }),
        200,
      ),
    )
    .openapi(captureOrderRoute, async (c) =>
      c.json(await captureOrder(deps, c.req.valid("param").id, actor(c)), 200),
    )
    .openapi(fulfillOrderRoute, async (c) =>
      c.json(await fulfillOrder(deps.db, c.req.valid("param").id, c.req.valid("json"), actor(c)), 200),
    )
    .openapi(refundOrderRoute, async (c) =>
      sendIdempotentAnswer(
        c,
        await refundOrder(deps, {
          orderId: c.req.valid("param").id,
          input: c.req.valid("json"),
          idempotencyKey: c.req.valid("header")["Idempotency-Key"],
          actor: actor(c),
        }),
      ),
    )
    .openapi(cancelOrderRoute, async (c) =>
      c.json(await cancelOrder(deps.db, c.req.valid("param").id, actor(c)), 200),
    );
}

const adminErrors = {
  400: errorAnswer("Malformed id, query or body (validation_failed)"),
  401: errorAnswer("Missing or wrong admin token (unauthorized)"),
};

const placeOrderRoute = createRoute({
  method: "post",
  path: "/orders",
  summary: "Place an order: all lines or nothing (customer and shipping_address optional, together)",
  request: { headers: OptionalIdempotencyKeyHeader, body: jsonBody(PlaceOrderInput) },
  responses: {
    201: jsonAnswer(
      "The placed order (PENDING) with its number and access_token. With an Idempotency-Key, a retry " +
        "with the same body gets this answer byte for byte, with Idempotent-Replayed: true.",
      PlacedOrder,
    ),
    400: errorAnswer(
      "Invalid body (validation_failed, invalid_json): no items, a bad qty, a malformed id, " +
        "too many lines or units, a total outside 1..ORDER_TOTAL_MAX cents, a bad email, an unknown " +
        "country code, a field too long or with control characters",
    ),
    404: errorAnswer("Unknown or archived products (not_found; details: [{productId}])"),
    409: errorAnswer(
      "Not enough stock (insufficient_stock; details: [{productId, requested, available}]), " +
        "or the Idempotency-Key is in flight (idempotency_key_in_use)",
    ),
    413: errorAnswer("Body too large (payload_too_large)"),
    415: errorAnswer("The body is not JSON (unsupported_media_type)"),
    422: errorAnswer("The Idempotency-Key was used with another body (idempotency_key_reused)"),
  },
});

const listOrdersRoute = createRoute({
  method: "get",
  path: "/orders",
  summary: "The orders index, newest first, cursor-paginated; search by number or email, status, dates",
  ...adminRoute("orders.read"),
  request: { query: ListOrdersInput },
  responses: { 200: jsonAnswer("A page of orders and the total count", OrderPage), ...adminErrors },
});

const lookupOrderRoute = createRoute({
  method: "post",
  path: "/orders/lookup",
  summary: "Find an order by its number and the customer's email (rate limited)",
  request: { body: jsonBody(OrderLookupInput) },
  responses: {
    200: jsonAnswer("The order", OrderLookupResult),
    400: errorAnswer("Invalid body (validation_failed)"),
    404: errorAnswer("No order with that number and email; the same for either being wrong (not_found)"),
    415: errorAnswer("The body is not JSON (unsupported_media_type)"),
    429: errorAnswer("Too many lookups for this number or email (rate_limited)"),
  },
});

const getOrderRoute = createRoute({
  method: "get",
  path: "/orders/{id}",
  summary: "One order with its lines (no personal data)",
  request: { params: IdParams },
  responses: {
    200: jsonAnswer("The order", Order),
    400: errorAnswer("Malformed id"),
    404: errorAnswer("No such order"),
  },
});

const getOrderDetailRoute = createRoute({
  method: "get",
  path: "/orders/{id}/detail",
  summary: "The whole order: customer, address, shipment, refunds, timeline (access token or admin token)",
  request: { params: IdParams, query: OrderDetailQuery },
  responses: {
    200: jsonAnswer("The order in full", OrderDetail),
    400: errorAnswer("Malformed id"),
    404: errorAnswer("No such order, or no valid token for it (the same answer)"),
  },
});

const captureOrderRoute = createRoute({
  method: "post",
  path: "/orders/{id}/capture",
  summary: "Charge the order through Payments and mark it PAID (a retry never charges twice)",
  ...adminRoute("orders.capture"),
  request: { params: IdParams },
  responses: {
    200: jsonAnswer("The PAID order and the charge that paid it", CaptureResult),
    402: errorAnswer(
      "The charge failed; the order stays PENDING (payment_failed; details: {status, charge_id})",
    ),
    404: errorAnswer("No such order"),
    409: errorAnswer("The order is CANCELLED (invalid_state), or Payments is still busy with it (conflict)"),
    503: errorAnswer("Payments is unreachable or too slow; the order is unchanged (service_unavailable)"),
    ...adminErrors,
  },
});

const fulfillOrderRoute = createRoute({
  method: "post",
  path: "/orders/{id}/fulfill",
  summary: "Mark a PAID order as shipped (FULFILLED) and queue the shipping notice; a retry ships once",
  ...adminRoute("orders.fulfill"),
  request: { params: IdParams, body: jsonBody(FulfillOrderInput) },
  responses: {
    200: jsonAnswer("The FULFILLED order", OrderDetail),
    404: errorAnswer("No such order"),
    409: errorAnswer("The order is PENDING, CANCELLED or REFUNDED (invalid_state)"),
    415: errorAnswer("The body is not JSON (unsupported_media_type)"),
    ...adminErrors,
  },
});

const refundOrderRoute = createRoute({
  method: "post",
  path: "/orders/{id}/refunds",
  summary: "Refund part or all of a PAID or FULFILLED order through Payments (never more than captured)",
  ...adminRoute("orders.refund"),
  request: { params: IdParams, headers: OptionalIdempotencyKeyHeader, body: jsonBody(RefundOrderInput) },
  responses: {
    201: jsonAnswer("The refund and the order after it (REFUNDED once refunded in full)", RefundOrderResult),
    404: errorAnswer("No such order"),
    409: errorAnswer(
      "More than captured minus refunded (refund_exceeds_captured), a PENDING, CANCELLED or REFUNDED " +
        "order (invalid_state), or Payments is busy with this refund (conflict, idempotency_key_in_use)",
    ),
    415: errorAnswer("The body is not JSON (unsupported_media_type)"),
    422: errorAnswer("The Idempotency-Key was used with another body (idempotency_key_reused)"),
    503: errorAnswer("Payments is unreachable or too slow; nothing was recorded (service_unavailable)"),
    ...adminErrors,
  },
});

const cancelOrderRoute = createRoute({
  method: "post",
  path: "/orders/{id}/cancel",
  summary: "Cancel a PENDING order and return its stock (a CANCELLED order answers unchanged)",
  ...adminRoute("orders.cancel"),
  request: { params: IdParams },
  responses: {
    200: jsonAnswer("The CANCELLED order", Order),
    404: errorAnswer("No such order"),
    409: errorAnswer("The order is PAID, FULFILLED or REFUNDED (invalid_state)"),
    ...adminErrors,
  },
});
