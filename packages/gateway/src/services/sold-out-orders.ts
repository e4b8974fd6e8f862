import { SoldOutGate, soldOutRefusal } from "@shop/orders/sold-out-gate";
import type { Counter } from "@shop/service";
import { ServiceCallError, shortfallsOf } from "./call.ts";

/**
 * Orders' sold-out gate, kept in front of Orders as well. In a flash sale
 * through the web shop, every buyer who comes after the last unit is refused
 * here, as Orders would refuse them from its own gate, without a call to
 * Orders.
 *
 * The gate is Orders' own (SoldOutGate, which says why a refusal from memory
 * is as true as one from the database), fed the same way: the database's
 * change notifications clear it, and only an answer from the database marks
 * a product. So the orders it lets through ask Orders for the database's
 * answer (`from_database`): one from Orders' memory could predate a restock
 * this gateway has heard of and Orders not yet, and a mark taken from it
 * would outlive the restock.
 */
export class SoldOutOrders {
  readonly gate = new SoldOutGate();
  private readonly refused: Counter;

  constructor(refused: Counter) {
    this.refused = refused;
  }

  /**
   * `place` (Orders' `orders.place`) with this input and `from_database`,
   * unless the gate refuses the input.
   */
  async place<I extends object, T>(
    request: I,
    place: (request: I & { from_database?: boolean }) => Promise<T>,
  ): Promise<T> {
    const known = soldOutRefusal(this.gate, request);
    if (known) {
      this.refused.inc();
      throw new ServiceCallError("orders", "insufficient_stock", 409, "Sold out.", known);
    }
    const ticket = this.gate.ticket();
    try {
      return await place({ ...request, from_database: true });
    } catch (err) {
      if (err instanceof ServiceCallError && err.code === "insufficient_stock") {
        const soldOut = shortfallsOf(err.details).filter((s) => s.available <= 0);
        this.gate.soldOutSeen(
          soldOut.map((s) => s.productId),
          ticket,
        );
      }
      throw err;
    }
  }
}
