import {
  CaptureResult,
  ListOrdersInput,
  Order,
  OrderPage,
  PlacedOrder,
  PlaceOrderInput,
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
} from "@shop/service";
import { cancelOrder } from "../domain/cancel-order.ts";
import { captureOrder } from "../domain/capture-order.ts";
import type { OrdersDeps } from "../domain/deps.ts";
import { placeOrder } from "../domain/place-order.ts";
import { getOrder, listOrders } from "../domain/read-orders.ts";

/**
 * The locked REST contract of Orders: each route declared once (its schemas
 * validate the request and write /openapi.json), over the domain functions.
 */
export function orderRoutes(deps: OrdersDeps): RestRoutes {
  return restRoutes()
    .openapi(placeOrderRoute, async (c) => {
      const idempotencyKey = c.req.valid("header")["Idempotency-Key"];
      return sendIdempotentAnswer(c, await placeOrder(deps, { input: c.req.valid("json"), idempotencyKey }));
    })
    .openapi(listOrdersRoute, async (c) => c.json(await listOrders(deps.db, c.req.valid("query")), 200))
    .openapi(getOrderRoute, async (c) => c.json(await getOrder(deps.db, c.req.valid("param").id), 200))
    .openapi(captureOrderRoute, async (c) =>
      c.json(await captureOrder(deps, c.req.valid("param").id, { requestId: c.get("requestId") }), 200),
    )
    .openapi(cancelOrderRoute, async (c) => c.json(await cancelOrder(deps.db, c.req.valid("param").id), 200));
}

const adminErrors = {
  400: errorAnswer("Malformed id or query (validation_failed)"),
  401: errorAnswer("Missing or wrong admin token (unauthorized)"),
};

const placeOrderRoute = createRoute({
  method: "post",
  path: "/orders",
  summary: "Place an order: all lines or nothing",
  request: { headers: OptionalIdempotencyKeyHeader, body: jsonBody(PlaceOrderInput) },
  responses: {
    201: jsonAnswer(
      "The placed order (PENDING). With an Idempotency-Key, a retry with the same body gets this " +
        "answer byte for byte, with Idempotent-Replayed: true.",
      PlacedOrder,
    ),
    400: errorAnswer(
      "Invalid body (validation_failed, invalid_json): no items, a bad qty, a malformed id, " +
        "too many lines or units, a total outside 1..ORDER_TOTAL_MAX cents",
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
  summary: "The orders index, newest first, cursor-paginated",
  ...adminRoute("orders.read"),
  request: { query: ListOrdersInput },
  responses: { 200: jsonAnswer("A page of orders", OrderPage), ...adminErrors },
});

const getOrderRoute = createRoute({
  method: "get",
  path: "/orders/{id}",
  summary: "One order with its lines",
  request: { params: IdParams },
  responses: {
    200: jsonAnswer("The order", Order),
    400: errorAnswer("Malformed id"),
    404: errorAnswer("No such order"),
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

const cancelOrderRoute = createRoute({
  method: "post",
  path: "/orders/{id}/cancel",
  summary: "Cancel a PENDING order and return its stock (a CANCELLED order answers unchanged)",
  ...adminRoute("orders.cancel"),
  request: { params: IdParams },
  responses: {
    200: jsonAnswer("The CANCELLED order", Order),
    404: errorAnswer("No such order"),
    409: errorAnswer("The order is PAID (invalid_state)"),
    ...adminErrors,
  },
});
