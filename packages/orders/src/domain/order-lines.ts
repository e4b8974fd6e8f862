import { ORDER_QTY_MAX, ORDER_TOTAL_MAX, type OrderLineInput } from "@shop/contracts";
import { validationFailed } from "@shop/service";

/** One line per product: what an order stores and what placement locks. */
export interface OrderLine {
  productId: string;
  qty: number;
}

/**
 * Lines naming the same product become one line with the summed quantity,
 * sorted by product id. Ids are lowercased first: a UUID is case-insensitive,
 * and "ABC…" and "abc…" must not become two lines for one product.
 * A merged quantity above ORDER_QTY_MAX is refused like a single line would be.
 */
export function mergeLines(items: readonly OrderLineInput[]): OrderLine[] {
  const qtyById = new Map<string, number>();
  for (const { productId, qty } of items) {
    const id = productId.toLowerCase();
    qtyById.set(id, (qtyById.get(id) ?? 0) + qty);
  }
  const lines = [...qtyById].map(([productId, qty]) => ({ productId, qty }));
  const tooMany = lines.filter((line) => line.qty > ORDER_QTY_MAX);
  if (tooMany.length > 0) {
    throw validationFailed(
      tooMany.map((line) => ({
        path: ["items"],
        message: `${line.qty} units of product ${line.productId} in all; at most ${ORDER_QTY_MAX} per order`,
      })),
      "request body",
    );
  }
  return lines.sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));
}

/**
 * A total Payments can charge: at least 1 cent (it refuses to charge 0, so a
 * free order could never be captured) and at most ORDER_TOTAL_MAX.
 */
export function assertChargeableTotal(total: number): void {
  if (total >= 1 && total <= ORDER_TOTAL_MAX) return;
  const message =
    total < 1
      ? "the order totals 0 cents; an order must total at least 1 cent to be paid"
      : `the order totals ${total} cents; at most ${ORDER_TOTAL_MAX} per order`;
  throw validationFailed([{ path: ["items"], message }], "request body");
}
