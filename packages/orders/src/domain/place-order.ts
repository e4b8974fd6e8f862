import type { PlacedOrder, PlaceOrderInput, StockShortfall, UnknownProduct } from "@shop/contracts";
import { Prisma, type PrismaClient } from "@shop/db";
import { fingerprintOf, runIdempotent, type IdempotentAnswer } from "@shop/idempotency";
import { ServiceError, type ServiceMetrics } from "@shop/service";
import type { Counter } from "@shop/service";
import { hashAccessToken, newAccessToken } from "./access-token.ts";
import type { Actor } from "./actor.ts";
import { assertChargeableTotal, mergeLines, orderTotal, type PricedLine } from "./order-lines.ts";
import type { Db } from "./order-rows.ts";

/** Placement keys live apart from every other operation's keys. */
export const PLACE_ORDER_SCOPE = "orders.place";

export interface PlacementDeps {
  db: PrismaClient;
  /** How long an Idempotency-Key's answer is replayed. */
  idempotencyTtlMs: number;
  /** Orders placed and refused, for /metrics. */
  metrics?: PlacementMetrics;
}

export interface PlacementMetrics {
  placed: Counter;
  refused: Counter<"reason">;
}

/** The placement counters, on the app's registry. */
export function placementMetrics(metrics: ServiceMetrics): PlacementMetrics {
  return {
    placed: metrics.counter(
      "orders_placed_total",
      "Orders placed (replays of an Idempotency-Key not counted)",
    ),
    refused: metrics.counter(
      "orders_refused_total",
      "Placements refused, by reason (insufficient_stock, not_found, ...)",
      ["reason"],
    ),
  };
}

export interface PlacementRequest {
  input: PlaceOrderInput;
  /** Optional: a retried checkout with the same key gets the first answer, never a second order. */
  idempotencyKey?: string | undefined;
  /** Who places it, for the timeline. */
  actor: Actor;
}

interface LockedProduct {
  id: string;
  price_cents: number;
  stock_qty: number;
}

/**
 * Places an order in one READ COMMITTED transaction: its own, or, with an
 * Idempotency-Key, the one runIdempotent opens, so the order and the stored
 * answer commit together. Returns the placed order either way; its exact JSON
 * text is what a replay sends back.
 */
export async function placeOrder(
  deps: PlacementDeps,
  request: PlacementRequest,
): Promise<IdempotentAnswer<PlacedOrder>> {
  try {
    const answer = await placeOnce(deps, request);
    if (!answer.replayed) deps.metrics?.placed.inc();
    return answer;
  } catch (err) {
    if (err instanceof ServiceError) deps.metrics?.refused.inc({ reason: err.code });
    throw err;
  }
}

async function placeOnce(
  { db, idempotencyTtlMs }: PlacementDeps,
  { input, idempotencyKey, actor }: PlacementRequest,
): Promise<IdempotentAnswer<PlacedOrder>> {
  if (idempotencyKey === undefined) {
    const body = await db.$transaction((tx) => placeOrderIn(tx, input, actor), {
      isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted,
    });
    return { replayed: false, body, bodyText: JSON.stringify(body) };
  }
  return runIdempotent(
    db,
    {
      scope: PLACE_ORDER_SCOPE,
      key: idempotencyKey,
      fingerprint: fingerprintOf(input),
      ttlMs: idempotencyTtlMs,
    },
    (tx) => placeOrderIn(tx, input, actor),
  );
}

/**
 * The placement itself, inside a transaction the caller opened at READ COMMITTED:
 *
 * 1. Lock every product of the order with SELECT ... FOR UPDATE, in ascending
 *    id order. Each row is read at its latest committed version once its lock
 *    is ours, and stays so until we commit: no other order can sell the same
 *    unit in between. One global lock order means two multi-item orders never
 *    wait on each other in a cycle (no deadlock).
 * 2. Check every line (unknown or archived products, stock, total) and fail
 *    the whole order on any problem. Throwing rolls the transaction back:
 *    nothing is written.
 * 3. Insert the order and its lines, each line at the product's current price.
 * 4. Decrement the stock (relative to the locked value; the CHECK constraint
 *    stock_qty >= 0 would refuse anything else).
 * 5. Checkout: the customer and address go into the order row, which gets
 *    its number from orders_number_seq and the hash of a new access token;
 *    the "placed" timeline event and the confirmation email's outbox row are
 *    written too. Steps 3 to 5 are one statement.
 */
export async function placeOrderIn(tx: Db, input: PlaceOrderInput, actor: Actor): Promise<PlacedOrder> {
  const lines = mergeLines(input.items);
  const ids = lines.map((line) => line.productId);

  const locked = await tx.$queryRaw<LockedProduct[]>`
    SELECT id, price_cents, stock_qty
      FROM products
     WHERE id IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))})
       AND archived_at IS NULL
     ORDER BY id
       FOR UPDATE`;
  const byId = new Map(locked.map((product) => [product.id, product]));

  const unknown: UnknownProduct[] = [];
  const shortfalls: StockShortfall[] = [];
  const priced: PricedLine[] = [];
  for (const line of lines) {
    const product = byId.get(line.productId);
    if (!product) {
      unknown.push({ productId: line.productId });
      continue;
    }
    if (product.stock_qty < line.qty) {
      shortfalls.push({ productId: line.productId, requested: line.qty, available: product.stock_qty });
    }
    priced.push({ ...line, priceCents: product.price_cents });
  }

  if (unknown.length > 0) {
    const names = unknown.map((u) => u.productId).join(", ");
    throw new ServiceError("not_found", `No such product (unknown or archived): ${names}`, unknown);
  }
  const total = orderTotal(priced);
  assertChargeableTotal(total);
  if (shortfalls.length > 0) {
    const names = shortfalls
      .map((s) => `${s.productId} (requested ${s.requested}, available ${s.available})`)
      .join(", ");
    throw new ServiceError("insufficient_stock", `Not enough stock for: ${names}`, shortfalls);
  }

  // Steps 3 and 4 in one statement (one round trip instead of four): the
  // data-modifying CTEs all run, inside this transaction, under the locks
  // taken above.
  const lineValues = Prisma.join(
    priced.map((l) => Prisma.sql`(${l.productId}::uuid, ${l.qty}::int, ${l.priceCents}::int)`),
  );
  const accessToken = newAccessToken();
  const { customer, shipping_address: address } = input;
  const [order] = await tx.$queryRaw<Array<{ id: string; number: number; status: PlacedOrder["status"] }>>`
    WITH line(product_id, qty, price_cents) AS (VALUES ${lineValues}),
    new_order AS (
      INSERT INTO orders (
        total_cents, access_token_hash,
        customer_email, customer_name, customer_phone,
        ship_line1, ship_line2, ship_city, ship_postal_code, ship_region, ship_country)
      VALUES (
        ${total}::int, ${hashAccessToken(accessToken)}::text,
        ${customer?.email ?? null}::text, ${customer?.name ?? null}::text, ${customer?.phone ?? null}::text,
        ${address?.line1 ?? null}::text, ${address?.line2 ?? null}::text, ${address?.city ?? null}::text,
        ${address?.postal_code ?? null}::text, ${address?.region ?? null}::text, ${address?.country ?? null}::char(2))
      RETURNING id, number, status
    ),
    new_items AS (
      INSERT INTO order_items (order_id, product_id, qty, price_cents)
      SELECT new_order.id, line.product_id, line.qty, line.price_cents FROM new_order, line
    ),
    decremented AS (
      UPDATE products AS p
         SET stock_qty = p.stock_qty - line.qty, updated_at = now()
        FROM line
       WHERE p.id = line.product_id
    ),
    -- Checkout: the timeline's first event and, when there is a customer,
    -- the confirmation email, committed with the order or not at all.
    placed_event AS (
      INSERT INTO order_events (order_id, type, actor, request_id, data)
      SELECT id, 'placed', ${actor.name}::text, ${actor.requestId ?? null}::text,
             jsonb_build_object('number', number, 'total_cents', ${total}::int)
        FROM new_order
    ),
    confirmation_email AS (
      INSERT INTO email_outbox (order_id, kind, recipient)
      SELECT id, 'order_confirmation', ${customer?.email ?? null}::text
        FROM new_order
       WHERE ${customer?.email ?? null}::text IS NOT NULL
    )
    SELECT id, number, status::text AS status FROM new_order`;
  if (!order) throw new Error("inserting the order returned no row");

  return {
    orderId: order.id,
    status: order.status,
    total_cents: total,
    number: order.number,
    access_token: accessToken,
  };
}
