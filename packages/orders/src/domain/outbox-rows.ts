import type { Db } from "./order-rows.ts";

export type EmailKind = "order_confirmation" | "shipping_notice";

/**
 * Queue an email about an order, inside the caller's transaction: it is sent
 * (by the outbox worker) only if the change it tells of commits. Orders
 * without a customer (the bare REST body) get no email.
 */
export async function enqueueEmail(tx: Db, orderId: string, kind: EmailKind, recipient: string | null) {
  if (recipient === null) return;
  await tx.emailOutbox.create({ data: { orderId, kind, recipient } });
}
