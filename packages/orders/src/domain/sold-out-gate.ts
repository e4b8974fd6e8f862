import type { StockShortfall } from "@shop/contracts";
import type { OrderLine } from "./order-lines.ts";

/**
 * Products this replica has seen sold out, so that in a flash sale the
 * thousands of buyers who come after the last unit are refused without a
 * trip to PostgreSQL (each such refusal still took a database call and its
 * row reads; the database is what every other order waits on).
 *
 * What makes a refusal from memory as true as one from the database:
 *
 * - Only a database answer marks a product (place_order found 0 available),
 *   and only if no change was heard while that answer was on its way: a
 *   restock that committed meanwhile is never overwritten by the older
 *   "sold out".
 * - The product coming back (a restock, a cancelled order's units: its
 *   sold_out flips, told on product_sold_out_changed; a marked product has
 *   nothing left, so any change to its stock is such a flip), every content
 *   change (archived, price) and every moment without the listener forget
 *   marks. Between a restock's commit and its
 *   notification (milliseconds) a buyer can still be told "sold out", as a
 *   database answer read a moment earlier would have.
 * - A mark lasts `ttlMs` at most, should a notification ever be lost.
 * - An order is refused here only when every product in it is marked: then
 *   each line is short by all it asks, exactly what place_order answers. Any
 *   other order, and every order with an Idempotency-Key (its stored answer
 *   comes first), goes to the database.
 */
export class SoldOutGate {
  /** Product id → when the database said it was sold out (ms). */
  private readonly soldOut = new Map<string, number>();
  private listening = false;
  /** Bumped by every change heard: a mark taken across one does not stick. */
  private changes = 0;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor({ ttlMs = 10_000, now = Date.now }: { ttlMs?: number; now?: () => number } = {}) {
    this.ttlMs = ttlMs;
    this.now = now;
  }

  /** Taken before asking the database; hand it back with what the answer showed sold out. */
  ticket(): number {
    return this.changes;
  }

  /** The shortfalls to refuse these lines with, when every product in them is known sold out. */
  shortfalls(lines: readonly OrderLine[]): StockShortfall[] | undefined {
    if (!this.listening || this.soldOut.size === 0 || lines.length === 0) return undefined;
    const oldest = this.now() - this.ttlMs;
    for (const line of lines) {
      const since = this.soldOut.get(line.productId);
      if (since === undefined) return undefined;
      if (since < oldest) {
        this.soldOut.delete(line.productId);
        return undefined;
      }
    }
    return lines.map((line) => ({ productId: line.productId, requested: line.qty, available: 0 }));
  }

  /** The database found these products with nothing left, answering a call made at `ticket`. */
  soldOutSeen(productIds: readonly string[], ticket: number): void {
    if (!this.listening || ticket !== this.changes) return;
    const now = this.now();
    for (const id of productIds) this.soldOut.set(id, now);
  }

  /** These products ran out or came back ("all": too many to name): a marked one has come back. */
  soldOutChanged(productIds: readonly string[] | "all"): void {
    this.changes++;
    if (productIds === "all") this.soldOut.clear();
    else for (const id of productIds) this.soldOut.delete(id);
  }

  /** A product was added, edited, archived or restored: forget everything. */
  contentChanged(): void {
    this.changes++;
    this.soldOut.clear();
  }

  /** Whether change notifications arrive; without them nothing is refused from memory. */
  setListening(listening: boolean): void {
    this.changes++;
    this.listening = listening;
    this.soldOut.clear();
  }

  /** How many products are marked now. */
  get size(): number {
    return this.soldOut.size;
  }
}
