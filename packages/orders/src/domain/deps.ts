import type { RateLimiterAbstract } from "@shop/service";
import type { CaptureDeps } from "./capture-order.ts";
import type { PlacementDeps } from "./place-order.ts";
import type { RefundDeps } from "./refund-order.ts";

/** What the domain functions need, built once per app and handed to both doors. */
export type OrdersDeps = PlacementDeps &
  CaptureDeps &
  RefundDeps & {
    /** Limits orderLookup per order number and per email. */
    lookupLimiter: RateLimiterAbstract;
  };
