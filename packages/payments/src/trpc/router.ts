import { create } from "./charges/create.ts";
import { get } from "./charges/get.ts";
import { router } from "./init.ts";
import { create as createRefund } from "./refunds/create.ts";

/** Payments' tRPC door: the same operations as the REST routes. */
export const paymentsRouter = router({
  charges: router({ create, get }),
  refunds: router({ create: createRefund }),
});

/** What the gateway and the SDK import to type their clients. */
export type PaymentsRouter = typeof paymentsRouter;
