import type { Order } from "@shop/contracts";
import { Prisma, type PrismaClient } from "@shop/db";
import { ServiceError } from "@shop/service";
import type { Actor } from "./actor.ts";
import { lockOrder, readOrder } from "./order-rows.ts";
import { recordEvent } from "./timeline.ts";

/**
 * Cancels a PENDING order and puts its stock back, in one transaction: the
 * status change and the stock return commit together or not at all.
 * Cancelling a CANCELLED order answers it unchanged (a retried cancel is
 * harmless); a paid, shipped or refunded order cannot be cancelled (
 * invalid_state: refund it instead).
 */
export async function cancelOrder(db: PrismaClient, id: string, actor: Actor): Promise<Order> {
  return db.$transaction(
    async (tx) => {
      // The order's row lock serialises this cancel against a capture of the
      // same order: whichever comes second sees the first one's outcome.
      const order = await lockOrder(tx, id);
      if (order.status !== "PENDING" && order.status !== "CANCELLED") {
        throw new ServiceError(
          "invalid_state",
          `Order ${id} is ${order.status}; only a PENDING order can be cancelled (refund a paid one)`,
        );
      }
      if (order.status === "PENDING") {
        // Inventory puts the stock back (inventory_return_stock locks the
        // products in the order placement locks them, then adds the lines).
        await tx.$executeRaw`
          SELECT inventory_return_stock(
            (SELECT jsonb_agg(jsonb_build_object('product_id', i.product_id, 'qty', i.qty))
               FROM order_items AS i
              WHERE i.order_id = ${id}::uuid))`;
        await tx.order.update({ where: { id }, data: { status: "CANCELLED" } });
        await recordEvent(tx, id, "cancelled", actor);
      }
      return readOrder(tx, id);
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted },
  );
}
