import type { OrderDetail } from "@shop/contracts";
import type { Db } from "../domain/order-rows.ts";
import { readOrderDetail } from "../domain/order-rows.ts";
import type { EmailKind } from "../domain/outbox-rows.ts";

export interface RenderedEmail {
  subject: string;
  text: string;
}

const money = (cents: number) => `$${(cents / 100).toFixed(2)}`;

function addressLines(order: OrderDetail): string[] {
  const a = order.shipping_address;
  if (!a) return [];
  return [
    order.customer?.name ?? "",
    a.line1,
    ...(a.line2 ? [a.line2] : []),
    `${a.postal_code} ${a.city}${a.region ? `, ${a.region}` : ""}`,
    a.country,
  ].filter((line) => line !== "");
}

/**
 * The email's words, from the order as stored. Lines, address and shipment
 * never change once written, so rendering at send time says what rendering
 * at the change would have said; the outbox row itself stays small.
 */
export async function renderEmail(db: Db, orderId: string, kind: EmailKind): Promise<RenderedEmail> {
  const order = await readOrderDetail(db, orderId);
  const names = new Map(
    (
      await db.product.findMany({
        where: { id: { in: order.items.map((i) => i.product_id) } },
        select: { id: true, name: true },
      })
    ).map((p) => [p.id, p.name]),
  );
  const lines = order.items.map(
    (i) => `  ${i.qty} x ${names.get(i.product_id) ?? i.product_id}  ${money(i.qty * i.price_cents)}`,
  );
  const greeting = `Hello ${order.customer?.name ?? ""},`.replace(" ,", ",");
  if (kind === "order_confirmation") {
    return {
      subject: `Order #${order.number} received`,
      text: [
        greeting,
        "",
        `thank you for your order #${order.number}. We will let you know when it ships.`,
        "",
        ...lines,
        `  Total ${money(order.total_cents)}`,
        "",
        "It ships to:",
        ...addressLines(order).map((l) => `  ${l}`),
        "",
      ].join("\n"),
    };
  }
  const shipment = order.shipment;
  return {
    subject: `Order #${order.number} has shipped`,
    text: [
      greeting,
      "",
      `your order #${order.number} is on its way.`,
      ...(shipment?.carrier ? [`Carrier: ${shipment.carrier}`] : []),
      ...(shipment?.tracking_number ? [`Tracking number: ${shipment.tracking_number}`] : []),
      "",
      ...lines,
      "",
      "It ships to:",
      ...addressLines(order).map((l) => `  ${l}`),
      "",
    ].join("\n"),
  };
}
