import type {
  ListOrdersInput,
  Order,
  OrderDetail,
  OrderLookupInput,
  OrderLookupResult,
  OrderPage,
} from "@shop/contracts";
import type { Prisma, PrismaClient } from "@shop/db";
import { hit, notFound, ServiceError, type RateLimiterAbstract } from "@shop/service";
import { accessTokenMatches } from "./access-token.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { readOrder, readOrderDetail, toSummary, withItems } from "./order-rows.ts";

/** One order with its lines, no personal data; not_found when absent. */
export function getOrder(db: PrismaClient, id: string): Promise<Order> {
  return readOrder(db, id);
}

/**
 * The whole order, for staff or for whoever holds its access token. A
 * missing or wrong token answers 404 like an unknown id: the answer never
 * tells that an order with this id exists.
 */
export async function getOrderDetail(
  db: PrismaClient,
  id: string,
  caller: { isAdmin: boolean; token?: string | undefined },
): Promise<OrderDetail> {
  if (!caller.isAdmin) {
    const row = await db.order.findUnique({ where: { id }, select: { accessTokenHash: true } });
    if (!row || !accessTokenMatches(row.accessTokenHash, caller.token)) throw notFound("Order", id);
  }
  return readOrderDetail(db, id);
}

/** At most this many lookups per order number, and per email, per window. */
export const LOOKUP_ATTEMPTS = 10;
export const LOOKUP_WINDOW_SECONDS = 15 * 60;

const noSuchOrder = () =>
  new ServiceError("not_found", "No order has that number and email address; check both and try again.");

/**
 * A shopper who lost the link finds the order by its number and their email.
 * An unknown number and a wrong email get the same answer (no way to learn
 * which numbers exist or whose they are), and both the number and the email
 * are rate limited, so neither can be guessed at speed (429 rate_limited).
 */
export async function lookupOrder(
  db: PrismaClient,
  limiter: RateLimiterAbstract,
  input: OrderLookupInput,
): Promise<OrderLookupResult> {
  const email = input.email.toLowerCase();
  for (const key of [`number:${input.number}`, `email:${email}`]) {
    const result = await hit(limiter, key);
    if (result.limited) {
      const retryAfter = result.retryAfterSec;
      throw new ServiceError(
        "rate_limited",
        `Too many lookups for this order or email; try again in ${Math.ceil(retryAfter / 60)} minutes.`,
        { retry_after_seconds: retryAfter },
      );
    }
  }
  const row = await db.order.findUnique({
    where: { number: input.number },
    select: { id: true, customerEmail: true },
  });
  if (!row || row.customerEmail === null || row.customerEmail.toLowerCase() !== email) throw noSuchOrder();
  return { order: await readOrderDetail(db, row.id) };
}

const startOfDay = (date: string) => new Date(`${date}T00:00:00.000Z`);
const endOfDay = (date: string) => new Date(startOfDay(date).getTime() + 86_400_000);

/** The filters of the index: status, number or email, placement days (UTC). */
function filtersOf(input: ListOrdersInput): Prisma.OrderWhereInput[] {
  const where: Prisma.OrderWhereInput[] = [];
  if (input.status) where.push({ status: input.status });
  if (input.from) where.push({ createdAt: { gte: startOfDay(input.from) } });
  if (input.to) where.push({ createdAt: { lt: endOfDay(input.to) } });
  const q = input.q?.trim().replace(/^#/, "");
  if (q) {
    where.push(
      /^\d{1,9}$/.test(q)
        ? { OR: [{ number: Number(q) }, { customerEmail: { contains: q, mode: "insensitive" } }] }
        : { customerEmail: { contains: q, mode: "insensitive" } },
    );
  }
  return where;
}

/**
 * The admin index: newest first, a page at a time, filtered, with the count
 * of all matching orders. The cursor is the (created_at, id) of the last
 * order of the previous page, and a page holds what comes strictly after it
 * in that order: keyset pagination, so orders placed meanwhile neither shift
 * nor repeat the pages, and the (created_at DESC, id DESC) index answers it
 * without an OFFSET scan.
 */
export async function listOrders(db: PrismaClient, input: ListOrdersInput): Promise<OrderPage> {
  const after = input.cursor === undefined ? undefined : decodeCursor(input.cursor);
  const filters = filtersOf(input);
  const page: Prisma.OrderWhereInput = {
    AND: [
      ...filters,
      ...(after
        ? [
            {
              OR: [
                { createdAt: { lt: after.createdAt } },
                { createdAt: after.createdAt, id: { lt: after.id } },
              ],
            },
          ]
        : []),
    ],
  };
  // One row more than the page says whether there is a next page.
  const [rows, total] = await Promise.all([
    db.order.findMany({
      where: page,
      include: withItems,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: input.limit + 1,
    }),
    db.order.count({ where: { AND: filters } }),
  ]);
  const shown = rows.slice(0, input.limit);
  const last = shown.at(-1);
  return {
    orders: shown.map(toSummary),
    next_cursor: rows.length > input.limit && last ? encodeCursor(last) : null,
    total_count: total,
  };
}
