import {
  ORDER_TOTAL_MAX,
  type PlacedOrder,
  type PlaceOrderInput,
  type StockShortfall,
  type UnknownProduct,
} from "@shop/contracts";
import { queryRows, type PrismaClient } from "@shop/db";
import {
  fingerprintOf,
  idempotencyKeyInUse,
  idempotencyKeyReused,
  type IdempotentAnswer,
  type IdempotentRequest,
} from "@shop/idempotency";
import { databaseSpan, ServiceError, type ServiceMetrics } from "@shop/service";
import type { Counter } from "@shop/service";
import { hashAccessToken, newAccessToken } from "./access-token.ts";
import type { Actor } from "./actor.ts";
import { assertChargeableTotal, mergeLines, type OrderLine } from "./order-lines.ts";
import type { Db } from "./order-rows.ts";
import type { SoldOutGate } from "./sold-out-gate.ts";

/** Placement keys live apart from every other operation's keys. */
export const PLACE_ORDER_SCOPE = "orders.place";

export interface PlacementDeps {
  db: PrismaClient;
  /** How long an Idempotency-Key's answer is replayed. */
  idempotencyTtlMs: number;
  /** Orders placed and refused, for /metrics. */
  metrics?: PlacementMetrics;
  /** Products seen sold out, refused without a database call (absent: every order asks the database). */
  soldOut?: SoldOutGate;
}

export interface PlacementMetrics {
  placed: Counter;
  refused: Counter<"reason">;
  refusedSoldOut: Counter;
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
    refusedSoldOut: metrics.counter(
      "orders_refused_sold_out_total",
      "Of the insufficient_stock refusals, those answered from memory: every product known sold out",
    ),
  };
}

export interface PlacementRequest {
  input: PlaceOrderInput;
  /** Optional: a retried checkout with the same key gets the first answer, never a second order. */
  idempotencyKey?: string | undefined;
  /** Who places it, for the timeline. */
  actor: Actor;
  /** Answer from the database, never from the sold-out gate (a caller with a gate of its own learns from it). */
  fromDatabase?: boolean;
}

/**
 * Places an order in one READ COMMITTED transaction and one round trip; with
 * an Idempotency-Key, the order and the stored answer commit together.
 * Returns the placed order either way; its exact JSON text is what a replay
 * sends back.
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
  { db, idempotencyTtlMs, soldOut, metrics }: PlacementDeps,
  { input, idempotencyKey, actor, fromDatabase = false }: PlacementRequest,
): Promise<IdempotentAnswer<PlacedOrder>> {
  const lines = mergeLines(input.items);
  if (idempotencyKey === undefined) {
    const place = () => callPlaceOrder(db, input, actor, undefined, lines);
    return soldOut ? pastSoldOutGate(soldOut, lines, place, metrics, { ask: !fromDatabase }) : place();
  }
  // With a key, its stored answer comes first: only the database has it.
  const key = {
    scope: PLACE_ORDER_SCOPE,
    key: idempotencyKey,
    fingerprint: fingerprintOf(input),
    ttlMs: idempotencyTtlMs,
  };
  return callPlaceOrder(db, input, actor, key, lines);
}

/**
 * An order (without a key) past the sold-out gate: refused from memory when
 * every product in it is known sold out (unless the gate is not to be asked);
 * else placed, and a database refusal that finds products with nothing left
 * marks them (see SoldOutGate).
 */
async function pastSoldOutGate(
  gate: SoldOutGate,
  lines: readonly OrderLine[],
  place: () => Promise<IdempotentAnswer<PlacedOrder>>,
  metrics: PlacementMetrics | undefined,
  { ask }: { ask: boolean },
): Promise<IdempotentAnswer<PlacedOrder>> {
  const known = ask ? gate.shortfalls(lines) : undefined;
  if (known) {
    metrics?.refusedSoldOut.inc();
    throw insufficientStock(known);
  }
  const ticket = gate.ticket();
  try {
    return await place();
  } catch (err) {
    if (err instanceof ServiceError && err.code === "insufficient_stock") {
      const shortfalls = err.details as StockShortfall[];
      gate.soldOutSeen(
        shortfalls.filter((s) => s.available <= 0).map((s) => s.productId),
        ticket,
      );
    }
    throw err;
  }
}

/**
 * The placement inside a transaction the caller opened at READ COMMITTED
 * (the same work placeOrder does in a transaction of its own).
 */
export async function placeOrderIn(tx: Db, input: PlaceOrderInput, actor: Actor): Promise<PlacedOrder> {
  const answer = await callPlaceOrder(tx, input, actor, undefined, mergeLines(input.items));
  if (answer.replayed) throw new Error("a placement without an Idempotency-Key cannot be a replay");
  return answer.body;
}

/** The call, its arguments in place_order's order (see its migration, place_order_function). */
const PLACE_ORDER_SQL = `SELECT place_order(
  $1::jsonb, $2::int, $3::text, $4::text, $5::jsonb, $6::jsonb, $7::text, $8::text,
  $9::text, $10::text, $11::text, $12::bigint) AS answer`;

/** What place_order answers (see its migration, place_order_function). */
type PlaceOrderOutcome =
  | { outcome: "placed" | "replayed"; body: string }
  | { outcome: "not_found"; details: UnknownProduct[] }
  | { outcome: "total_out_of_range"; total: number }
  | { outcome: "insufficient_stock"; details: StockShortfall[] }
  | { outcome: "idempotency_key_in_use" | "idempotency_key_reused" };

/**
 * The placement itself is one call of the SQL function place_order (the
 * migrations place_order_function and inventory_stock_functions hold it,
 * commented step by step): one
 * round trip, its own READ COMMITTED transaction unless `db` is one already.
 * In it:
 *
 * 0. With an Idempotency-Key: a live stored answer is replayed (422 for
 *    another body), a key another request is working on refused (409).
 * 1. Inventory's inventory_lock_stock locks every product of the order
 *    (SELECT ... FOR UPDATE in ascending id order: no other order can sell
 *    the same unit meanwhile, and one global lock order means no deadlock)
 *    and answers their prices and stock.
 * 2. Every line is checked (unknown or archived products, the total, stock);
 *    a refusal returns before anything is written.
 * 3. The order, its lines at the locked prices, the stock taken (Inventory's
 *    inventory_take_stock: only Inventory's code writes products); 4. the
 *    "placed" event and the confirmation email's outbox row; 5. the answer,
 *    stored for replay with a key, all committed together.
 *
 * Before the call, the caller merges the lines (one per product, sorted)
 * and this function makes the access token; after it, the outcome becomes
 * the contract's answer or error, with the messages people read.
 */
async function callPlaceOrder(
  db: Db | PrismaClient,
  input: PlaceOrderInput,
  actor: Actor,
  key: IdempotentRequest | undefined,
  merged: readonly OrderLine[],
): Promise<IdempotentAnswer<PlacedOrder>> {
  const lines = merged.map((line) => ({ product_id: line.productId, qty: line.qty }));
  const accessToken = newAccessToken();
  const { customer, shipping_address: address } = input;
  const values = [
    JSON.stringify(lines),
    ORDER_TOTAL_MAX,
    accessToken,
    hashAccessToken(accessToken),
    customer ? JSON.stringify(customer) : null,
    address ? JSON.stringify(address) : null,
    actor.name,
    actor.requestId ?? null,
    key?.scope ?? null,
    key?.key ?? null,
    key?.fingerprint ?? null,
    key?.ttlMs ?? null,
  ];
  // Outside a transaction, straight to the pool under Prisma's client: one
  // statement, its own transaction, and the hottest path there is (see poolOf).
  let answer: PlaceOrderOutcome;
  try {
    const rows = await queryRows<{ answer: PlaceOrderOutcome }>(db, PLACE_ORDER_SQL, values, (run) =>
      databaseSpan("SELECT", "place_order", run),
    );
    answer = rows[0]!.answer;
  } catch (err) {
    // The key's primary key is the backstop behind its lock: should two
    // requests ever both get through, the second insert fails and nothing of it commits.
    if (key && String(err).includes("idempotency_keys_pkey")) throw idempotencyKeyInUse();
    throw err;
  }
  switch (answer.outcome) {
    case "placed":
      return { replayed: false, body: JSON.parse(answer.body) as PlacedOrder, bodyText: answer.body };
    case "replayed":
      return { replayed: true, bodyText: answer.body };
    case "not_found": {
      const names = answer.details.map((u) => u.productId).join(", ");
      throw new ServiceError("not_found", `No such product (unknown or archived): ${names}`, answer.details);
    }
    case "total_out_of_range":
      assertChargeableTotal(answer.total);
      throw new Error(`place_order refused a total of ${answer.total} that is chargeable`);
    case "insufficient_stock":
      throw insufficientStock(answer.details);
    case "idempotency_key_in_use":
      throw idempotencyKeyInUse();
    case "idempotency_key_reused":
      throw idempotencyKeyReused();
  }
}

/** The refusal for stock short of an order, naming every short product. */
function insufficientStock(shortfalls: StockShortfall[]): ServiceError {
  const names = shortfalls
    .map((s) => `${s.productId} (requested ${s.requested}, available ${s.available})`)
    .join(", ");
  return new ServiceError("insufficient_stock", `Not enough stock for: ${names}`, shortfalls);
}
