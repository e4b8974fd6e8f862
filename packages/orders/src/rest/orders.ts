import {
  FulfillOrderInput,
  ListOrdersInput,
  OrderDetailQuery,
  OrderLookupInput,
  PlaceOrderInput,
  RefundOrderInput,
  Uuid,
} from "@shop/contracts";
import { readOptionalIdempotencyKey, sendIdempotentAnswer } from "@shop/idempotency";
import { readJsonBody, readParam, type ServiceHonoEnv } from "@shop/service";
import { Hono, type Context } from "hono";
import { actorOf } from "../domain/actor.ts";
import { cancelOrder } from "../domain/cancel-order.ts";
import { captureOrder } from "../domain/capture-order.ts";
import type { OrdersDeps } from "../domain/deps.ts";
import { fulfillOrder } from "../domain/fulfill-order.ts";
import { placeOrder } from "../domain/place-order.ts";
import { getOrder, getOrderDetail, listOrders, lookupOrder } from "../domain/read-orders.ts";
import { refundOrder } from "../domain/refund-order.ts";
import { staffFor } from "./staff.ts";

const actor = (c: Context<ServiceHonoEnv>) =>
  actorOf({ isAdmin: c.get("isAdmin"), requestId: c.get("requestId") });

/** The locked REST contract of Orders and its checkout additions, over the domain functions. */
export function orderRoutes(deps: OrdersDeps): Hono<ServiceHonoEnv> {
  const routes = new Hono<ServiceHonoEnv>();
  const idOf = (raw: string) => readParam(Uuid, raw, "id");

  routes.post("/orders", async (c) => {
    const idempotencyKey = readOptionalIdempotencyKey(c);
    const input = await readJsonBody(c, PlaceOrderInput);
    return sendIdempotentAnswer(c, await placeOrder(deps, { input, idempotencyKey, actor: actor(c) }));
  });

  routes.get("/orders", staffFor.read, async (c) => {
    const query = readParam(ListOrdersInput, c.req.query(), "query");
    return c.json(await listOrders(deps.db, query));
  });

  // Before /orders/:id, so "lookup" is not read as an id.
  routes.post("/orders/lookup", async (c) =>
    c.json(await lookupOrder(deps.db, deps.lookupLimiter, await readJsonBody(c, OrderLookupInput))),
  );

  routes.get("/orders/:id", async (c) => c.json(await getOrder(deps.db, idOf(c.req.param("id")))));

  routes.get("/orders/:id/detail", async (c) => {
    const { token } = readParam(OrderDetailQuery, c.req.query(), "query");
    return c.json(
      await getOrderDetail(deps.db, idOf(c.req.param("id")), { isAdmin: c.get("isAdmin"), token }),
    );
  });

  routes.post("/orders/:id/capture", staffFor.capture, async (c) =>
    c.json(await captureOrder(deps, idOf(c.req.param("id")), actor(c))),
  );

  routes.post("/orders/:id/fulfill", staffFor.fulfil, async (c) => {
    const id = idOf(c.req.param("id"));
    const input = await readJsonBody(c, FulfillOrderInput);
    return c.json(await fulfillOrder(deps.db, id, input, actor(c)));
  });

  routes.post("/orders/:id/refunds", staffFor.refund, async (c) => {
    const orderId = idOf(c.req.param("id"));
    const idempotencyKey = readOptionalIdempotencyKey(c);
    const input = await readJsonBody(c, RefundOrderInput);
    return sendIdempotentAnswer(
      c,
      await refundOrder(deps, { orderId, input, idempotencyKey, actor: actor(c) }),
    );
  });

  routes.post("/orders/:id/cancel", staffFor.cancel, async (c) =>
    c.json(await cancelOrder(deps.db, idOf(c.req.param("id")), actor(c))),
  );

  return routes;
}
