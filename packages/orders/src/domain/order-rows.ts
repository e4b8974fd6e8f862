import type { Order, OrderDetail, OrderEvent, OrderSummary } from "@shop/contracts";
import type { Prisma } from "@shop/db";
import { notFound } from "@shop/service";

/** The Prisma client or an interactive transaction's client: reads work in either. */
export type Db = Prisma.TransactionClient;

export const withItems = {
  items: { orderBy: { productId: "asc" } },
} as const satisfies Prisma.OrderInclude;

export const withEverything = {
  items: { orderBy: { productId: "asc" } },
  refunds: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
  events: { orderBy: { id: "asc" } },
} as const satisfies Prisma.OrderInclude;

type OrderRow = Prisma.OrderGetPayload<{ include: typeof withItems }>;
type DetailRow = Prisma.OrderGetPayload<{ include: typeof withEverything }>;

/** A stored order as the public contract has it (snake_case, ISO times, no personal data). */
export function toOrder(row: OrderRow): Order {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    total_cents: row.totalCents,
    refunded_cents: row.refundedCents,
    items: row.items.map((item) => ({
      product_id: item.productId,
      qty: item.qty,
      price_cents: item.priceCents,
    })),
    created_at: row.createdAt.toISOString(),
  };
}

/** A row of the admin index: the public order and who placed it. */
export function toSummary(row: OrderRow): OrderSummary {
  return { ...toOrder(row), customer_email: row.customerEmail, customer_name: row.customerName };
}

const present = <K extends string>(key: K, value: string | null): { [P in K]?: string } =>
  (value === null ? {} : { [key]: value }) as { [P in K]?: string };

/** The whole order: customer, address, shipment, refunds and timeline. */
export function toDetail(row: DetailRow): OrderDetail {
  return {
    ...toOrder(row),
    customer:
      row.customerEmail === null || row.customerName === null
        ? null
        : { email: row.customerEmail, name: row.customerName, ...present("phone", row.customerPhone) },
    shipping_address:
      row.shipLine1 === null ||
      row.shipCity === null ||
      row.shipPostalCode === null ||
      row.shipCountry === null
        ? null
        : {
            line1: row.shipLine1,
            ...present("line2", row.shipLine2),
            city: row.shipCity,
            postal_code: row.shipPostalCode,
            ...present("region", row.shipRegion),
            country: row.shipCountry,
          },
    captured_cents: row.capturedCents,
    charge_id: row.chargeId,
    shipment:
      row.fulfilledAt === null
        ? null
        : {
            carrier: row.carrier,
            tracking_number: row.trackingNumber,
            fulfilled_at: row.fulfilledAt.toISOString(),
          },
    refunds: row.refunds.map((r) => ({
      id: r.id,
      amount_cents: r.amountCents,
      reason: r.reason,
      created_at: r.createdAt.toISOString(),
    })),
    events: row.events.map((e): OrderEvent => ({
      id: e.id.toString(),
      type: e.type as OrderEvent["type"],
      actor: e.actor,
      request_id: e.requestId,
      data: (e.data ?? {}) as Record<string, unknown>,
      created_at: e.createdAt.toISOString(),
    })),
  };
}

export async function readOrder(db: Db, id: string): Promise<Order> {
  const row = await db.order.findUnique({ where: { id }, include: withItems });
  if (!row) throw notFound("Order", id);
  return toOrder(row);
}

export async function readOrderDetail(db: Db, id: string): Promise<OrderDetail> {
  const row = await db.order.findUnique({ where: { id }, include: withEverything });
  if (!row) throw notFound("Order", id);
  return toDetail(row);
}

/** The columns of an order a state change decides on. */
export interface LockedOrder {
  id: string;
  number: number;
  status: Order["status"];
  total_cents: number;
  capture_attempts: number;
  charge_id: string | null;
  captured_cents: number;
  refunded_cents: number;
  customer_email: string | null;
}

/**
 * Locks one order row until the transaction ends (not_found when absent): every
 * state change of an order (capture, fulfil, refund, cancel) takes this lock
 * first, so two of them on the same order run one after the other, each
 * seeing the other's result.
 */
export async function lockOrder(tx: Db, id: string): Promise<LockedOrder> {
  const [row] = await tx.$queryRaw<LockedOrder[]>`
    SELECT id, number, status::text AS status, total_cents, capture_attempts, charge_id,
           captured_cents, refunded_cents, customer_email
      FROM orders
     WHERE id = ${id}::uuid
       FOR UPDATE`;
  if (!row) throw notFound("Order", id);
  return row;
}
