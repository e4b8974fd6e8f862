import type { Order } from "@shop/contracts";
import type { Prisma } from "@shop/db";
import { notFound } from "@shop/service";

/** The Prisma client or an interactive transaction's client: reads work in either. */
export type Db = Prisma.TransactionClient;

export const withItems = {
  items: { orderBy: { productId: "asc" } },
} as const satisfies Prisma.OrderInclude;

type OrderRow = Prisma.OrderGetPayload<{ include: typeof withItems }>;

/** A stored order as the contract has it (snake_case, ISO times). */
export function toOrder(row: OrderRow): Order {
  return {
    id: row.id,
    status: row.status,
    total_cents: row.totalCents,
    items: row.items.map((item) => ({
      product_id: item.productId,
      qty: item.qty,
      price_cents: item.priceCents,
    })),
    created_at: row.createdAt.toISOString(),
  };
}

export async function readOrder(db: Db, id: string): Promise<Order> {
  const row = await db.order.findUnique({ where: { id }, include: withItems });
  if (!row) throw notFound("Order", id);
  return toOrder(row);
}

/** The columns of an order a state change decides on. */
export interface LockedOrder {
  id: string;
  status: Order["status"];
  total_cents: number;
  capture_attempts: number;
  charge_id: string | null;
}

/**
 * Locks one order row until the transaction ends (404 when absent): every
 * state change of an order (capture, cancel) takes this lock first, so two
 * of them on the same order run one after the other, each seeing the other's result.
 */
export async function lockOrder(tx: Db, id: string): Promise<LockedOrder> {
  const [row] = await tx.$queryRaw<LockedOrder[]>`
    SELECT id, status::text AS status, total_cents, capture_attempts, charge_id
      FROM orders
     WHERE id = ${id}::uuid
       FOR UPDATE`;
  if (!row) throw notFound("Order", id);
  return row;
}
