import type { ListOrdersInput, Order, OrderPage } from "@shop/contracts";
import type { Prisma, PrismaClient } from "@shop/db";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { readOrder, toOrder, withItems } from "./order-rows.ts";

/** One order with its lines; 404 when absent. */
export function getOrder(db: PrismaClient, id: string): Promise<Order> {
  return readOrder(db, id);
}

/**
 * The admin index: newest first, a page at a time. The cursor is the
 * (created_at, id) of the last order of the previous page, and a page holds
 * what comes strictly after it in that order: keyset pagination, so orders
 * placed meanwhile neither shift nor repeat the pages, and the
 * (created_at DESC, id DESC) index answers it without an OFFSET scan.
 */
export async function listOrders(db: PrismaClient, input: ListOrdersInput): Promise<OrderPage> {
  const after = input.cursor === undefined ? undefined : decodeCursor(input.cursor);
  const where: Prisma.OrderWhereInput = {
    status: input.status,
    ...(after && {
      OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }],
    }),
  };
  // One row more than the page says whether there is a next page.
  const rows = await db.order.findMany({
    where,
    include: withItems,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    orders: page.map(toOrder),
    next_cursor: rows.length > input.limit && last ? encodeCursor(last) : null,
  };
}
