import type { OrderEventType } from "@shop/contracts";
import type { Prisma } from "@shop/db";
import type { Actor } from "./actor.ts";
import type { Db } from "./order-rows.ts";

/**
 * Append one event to an order's timeline, inside the caller's transaction:
 * the event commits with the change it records, or neither does.
 */
export async function recordEvent(
  tx: Db,
  orderId: string,
  type: OrderEventType,
  actor: Actor,
  data: Prisma.InputJsonObject = {},
): Promise<void> {
  await tx.orderEvent.create({
    data: { orderId, type, actor: actor.name, requestId: actor.requestId ?? null, data },
  });
}
