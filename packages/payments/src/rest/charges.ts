import { CreateChargeInput, CreateRefundInput, Uuid } from "@shop/contracts";
import { readIdempotencyKey, sendIdempotentAnswer } from "@shop/idempotency";
import { readJsonBody, readParam, type ServiceHonoEnv } from "@shop/service";
import { Hono } from "hono";
import { createCharge, getCharge, type ChargeDeps } from "../domain/charges.ts";
import { createRefund } from "../domain/refunds.ts";

/** The locked REST contract of Payments, over the domain functions. */
export function chargeRoutes(deps: ChargeDeps): Hono<ServiceHonoEnv> {
  const routes = new Hono<ServiceHonoEnv>();

  routes.post("/charges", async (c) => {
    const idempotencyKey = readIdempotencyKey(c);
    const input = await readJsonBody(c, CreateChargeInput);
    return sendIdempotentAnswer(c, await createCharge(deps, { idempotencyKey, input }));
  });

  routes.post("/refunds", async (c) => {
    const idempotencyKey = readIdempotencyKey(c);
    const input = await readJsonBody(c, CreateRefundInput);
    return sendIdempotentAnswer(c, await createRefund(deps, { idempotencyKey, input }));
  });

  routes.get("/charges/:id", async (c) =>
    c.json(await getCharge(deps.db, readParam(Uuid, c.req.param("id"), "id"))),
  );

  return routes;
}
