import type { FulfillOrderInput, OrderDetail } from "@shop/contracts";
import { Prisma, type PrismaClient } from "@shop/db";
import { ServiceError } from "@shop/service";
import type { Actor } from "./actor.ts";
import { lockOrder, readOrderDetail } from "./order-rows.ts";
import { enqueueEmail } from "./outbox-rows.ts";
import { recordEvent } from "./timeline.ts";

/**
 * Marks a PAID order as shipped (FULFILLED) with its carrier and tracking
 * number, records it on the timeline and queues the shipping notice, all in
 * one transaction under the order's row lock. Fulfilling a FULFILLED order
 * answers it unchanged (a retried click ships nothing twice, sends no second
 * email); PENDING, CANCELLED or REFUNDED orders are refused (409 invalid_state).
 */
export async function fulfillOrder(
  db: PrismaClient,
  id: string,
  input: FulfillOrderInput,
  actor: Actor,
): Promise<OrderDetail> {
  return db.$transaction(
    async (tx) => {
      const order = await lockOrder(tx, id);
      if (order.status === "FULFILLED") return readOrderDetail(tx, id);
      if (order.status !== "PAID") {
        const why =
          order.status === "PENDING"
            ? "capture its payment first"
            : "a cancelled or refunded order does not ship";
        throw new ServiceError("invalid_state", `Order ${id} is ${order.status}; ${why}`);
      }
      await tx.order.update({
        where: { id },
        data: {
          status: "FULFILLED",
          fulfilledAt: new Date(),
          carrier: input.carrier || null,
          trackingNumber: input.tracking_number || null,
        },
      });
      await recordEvent(tx, id, "fulfilled", actor, {
        ...(input.carrier ? { carrier: input.carrier } : {}),
        ...(input.tracking_number ? { tracking_number: input.tracking_number } : {}),
      });
      await enqueueEmail(tx, id, "shipping_notice", order.customer_email);
      return readOrderDetail(tx, id);
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted },
  );
}
