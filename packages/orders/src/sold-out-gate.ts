import { PlaceOrderRequest, type StockShortfall } from "@shop/contracts";
import { mergeLines } from "./domain/order-lines.ts";
import type { SoldOutGate } from "./domain/sold-out-gate.ts";

// For a door in front of Orders (the gateway): Orders' own sold-out gate, and
// the refusal Orders would answer from it. Nothing else of Orders is loaded.
export { SoldOutGate } from "./domain/sold-out-gate.ts";

/**
 * The shortfalls Orders would refuse this `orders.place` input with from its
 * sold-out gate, or undefined when only Orders can answer: an input it would
 * refuse as invalid (it names what is wrong), one with an Idempotency-Key
 * (its stored answer comes first), or a product not known sold out.
 */
export function soldOutRefusal(gate: SoldOutGate, request: unknown): StockShortfall[] | undefined {
  if (gate.size === 0) return undefined;
  const parsed = PlaceOrderRequest.safeParse(request);
  if (!parsed.success || parsed.data.idempotency_key !== undefined) return undefined;
  try {
    return gate.shortfalls(mergeLines(parsed.data.items));
  } catch {
    return undefined; // more units of a product than one order may hold: Orders says so
  }
}
