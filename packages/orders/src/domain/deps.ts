import type { CaptureDeps } from "./capture-order.ts";
import type { PlacementDeps } from "./place-order.ts";

/** What the domain functions need, built once per app and handed to both doors. */
export type OrdersDeps = PlacementDeps & CaptureDeps;
