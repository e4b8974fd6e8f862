import { ListOrdersInput, PlaceOrderInput, Uuid } from "@shop/contracts";
import { readOptionalIdempotencyKey, sendIdempotentAnswer } from "@shop/idempotency";
import { readJsonBody, readParam, requires, type ServiceHonoEnv } from "@shop/service";
import { Hono } from "hono";
import { cancelOrder } from "../domain/cancel-order.ts";
import { captureOrder } from "../domain/capture-order.ts";
import type { OrdersDeps } from "../domain/deps.ts";
import { placeOrder } from "../domain/place-order.ts";
import { getOrder, listOrders } from "../domain/read-orders.ts";

/** The locked REST contract of Orders, over the domain functions. */
export function orderRoutes(deps: OrdersDeps): Hono<ServiceHonoEnv> {
  const routes = new Hono<ServiceHonoEnv>();
  const idOf = (raw: string) => readParam(Uuid, raw, "id");

  routes.post("/orders", async (c) => {
    const idempotencyKey = readOptionalIdempotencyKey(c);
    const input = await readJsonBody(c, PlaceOrderInput);
    return sendIdempotentAnswer(c, await placeOrder(deps, { input, idempotencyKey }));
  });

  routes.get("/orders", requires("orders.read"), async (c) => {
    const query = readParam(ListOrdersInput, c.req.query(), "query");
    return c.json(await listOrders(deps.db, query));
  });

  routes.get("/orders/:id", async (c) => c.json(await getOrder(deps.db, idOf(c.req.param("id")))));

  routes.post("/orders/:id/capture", requires("orders.capture"), async (c) =>
    c.json(await captureOrder(deps, idOf(c.req.param("id")), { requestId: c.get("requestId") })),
  );

  routes.post("/orders/:id/cancel", requires("orders.cancel"), async (c) =>
    c.json(await cancelOrder(deps.db, idOf(c.req.param("id")))),
  );

  return routes;
}
