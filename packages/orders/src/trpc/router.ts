import { router } from "./init.ts";
import { cancel } from "./orders/cancel.ts";
import { capture } from "./orders/capture.ts";
import { detail } from "./orders/detail.ts";
import { fulfill } from "./orders/fulfill.ts";
import { get } from "./orders/get.ts";
import { list } from "./orders/list.ts";
import { lookup } from "./orders/lookup.ts";
import { place } from "./orders/place.ts";
import { refund } from "./orders/refund.ts";

/** Orders' tRPC door: the same operations as the REST routes, typed end to end. */
export const ordersRouter = router({
  orders: router({ place, get, detail, lookup, list, capture, fulfill, refund, cancel }),
});

/** What the gateway and the SDK import to type their clients. */
export type OrdersRouter = typeof ordersRouter;
