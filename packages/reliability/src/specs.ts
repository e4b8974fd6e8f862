/**
 * The contracts' fields as generators: a valid value and bad values of each,
 * for the REST bodies (snake_case) and the GraphQL inputs (camelCase).
 */
import {
  CHARGE_AMOUNT_MAX,
  ORDER_QTY_MAX,
  ORDER_REFERENCE_MAX,
  PRICE_CENTS_MAX,
  PRODUCT_NAME_MAX,
  STOCK_QTY_MAX,
} from "@shop/contracts";
import fc from "fast-check";
import {
  badId,
  badIdempotencyKey,
  badInt,
  badText,
  brokenObject,
  malformedId,
  unknownId,
  type ObjectSpec,
} from "./arbitraries.ts";
import type { Shop } from "./fixtures.ts";
import type { JsonLike } from "./json-text.ts";

/** Text PostgreSQL cannot store: a NUL character anywhere. */
const withNul = fc
  .tuple(
    fc.string({ unit: "grapheme-ascii", maxLength: 10 }),
    fc.string({ unit: "grapheme-ascii", maxLength: 10 }),
  )
  .map(([a, b]) => `${a}\u0000${b}`);

const validName = fc
  .string({ unit: "grapheme-ascii", minLength: 1, maxLength: 30 })
  .filter((s) => s.trim() !== "");
const badName = fc.oneof(badText(PRODUCT_NAME_MAX), withNul);

export const price = { valid: fc.integer({ min: 0, max: PRICE_CENTS_MAX }), bad: badInt(0, PRICE_CENTS_MAX) };
export const stockQty = { valid: fc.integer({ min: 0, max: STOCK_QTY_MAX }), bad: badInt(0, STOCK_QTY_MAX) };
export const delta = {
  valid: fc.integer({ min: 1, max: 1_000 }),
  bad: badInt(-STOCK_QTY_MAX, STOCK_QTY_MAX, { zeroIsBad: true }),
};

export const createProductSpec = (keys: { price: string; stock: string }): ObjectSpec => ({
  name: { valid: validName, bad: badName, required: true },
  [keys.price]: { ...price, required: true },
  [keys.stock]: { ...stockQty, required: true },
});

/**
 * `PATCH /products/:id`'s body, or (`graphql`) UpdateProductInput, whose
 * fields are nullable: there null means "leave it", so it is no bad value.
 */
export const updateProductSpec = (keys: { price: string; graphql?: boolean }): ObjectSpec => {
  const notNull = (value: JsonLike) => !keys.graphql || value !== null;
  return {
    name: { valid: validName, bad: badName.filter(notNull), required: false },
    [keys.price]: { valid: price.valid, bad: price.bad.filter(notNull), required: false },
  };
};

/** `{stock_qty}` or `{delta}`, each broken, or both at once, or neither. */
export const badStockChange: fc.Arbitrary<JsonLike> = fc.oneof(
  brokenObject({ stock_qty: { ...stockQty, required: true } }),
  brokenObject({ delta: { ...delta, required: true } }),
  fc.record({ stock_qty: stockQty.valid, delta: delta.valid }),
  fc.constant({}),
);

/** Lines an order may have: in-stock products, a few units each (never enough to run out or exceed a limit). */
export function validLine(shop: Shop): fc.Arbitrary<{ productId: string; qty: number }> {
  return fc.oneof(
    fc.record({ productId: fc.constant(shop.mug.id), qty: fc.integer({ min: 1, max: 5 }) }),
    fc.record({ productId: fc.constant(shop.goldBar.id), qty: fc.integer({ min: 1, max: 2 }) }),
  );
}

/** Lines that are well-formed but cannot be ordered: unknown, archived, sold out, more than in stock. */
export function unorderableLine(shop: Shop): fc.Arbitrary<JsonLike> {
  return fc.oneof(
    fc.record({ productId: unknownId, qty: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ productId: fc.constant(shop.retired.id), qty: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ productId: fc.constant(shop.soldOut.id), qty: fc.integer({ min: 1, max: ORDER_QTY_MAX }) }),
    fc.record({ productId: fc.constant(shop.lastOne.id), qty: fc.integer({ min: 2, max: ORDER_QTY_MAX }) }),
    fc.record({ productId: fc.constant(shop.mug.id), qty: fc.integer({ min: 100, max: ORDER_QTY_MAX }) }),
  );
}

const lineSpec = (shop: Shop): ObjectSpec => ({
  productId: {
    valid: fc.constantFrom(shop.mug.id, shop.goldBar.id, shop.mug.id.toUpperCase()),
    bad: fc.oneof(
      malformedId,
      fc.integer(),
      fc.constant(null),
      fc.array(fc.constant(shop.mug.id), { maxLength: 2 }),
    ),
    required: true,
  },
  qty: { valid: fc.integer({ min: 1, max: 3 }), bad: badInt(1, ORDER_QTY_MAX), required: true },
});

/**
 * An `items` value no order may have. (In GraphQL one line where a list
 * belongs is a list of one line, so `graphql` leaves that case out.)
 */
export function badItems(shop: Shop, options: { graphql?: boolean } = {}): fc.Arbitrary<JsonLike> {
  const valid = validLine(shop);
  const withOneBad = (bad: fc.Arbitrary<JsonLike>) =>
    fc.tuple(fc.array(valid, { maxLength: 3 }), bad, fc.nat()).map(([lines, wrong, at]) => {
      const all: JsonLike[] = [...lines];
      all.splice(at % (lines.length + 1), 0, wrong);
      return all;
    });
  return fc.oneof(
    { weight: 3, arbitrary: withOneBad(brokenObject(lineSpec(shop))) },
    { weight: 3, arbitrary: withOneBad(unorderableLine(shop)) },
    { weight: 1, arbitrary: fc.constant([]) },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.record({ productId: unknownId, qty: fc.constant(1) }), { minLength: 101, maxLength: 130 })
        .map((lines) => lines as JsonLike),
    },
    {
      weight: 1,
      // The same product in several lines, summing past the per-order maximum.
      arbitrary: fc
        .tuple(fc.integer({ min: 501, max: ORDER_QTY_MAX }), fc.integer({ min: 501, max: ORDER_QTY_MAX }))
        .map(([a, b]) => [
          { productId: shop.mug.id, qty: a },
          { productId: shop.mug.id.toUpperCase(), qty: b },
        ]),
    },
    {
      weight: 1,
      // Totals that cannot be charged: nothing at all, or over the maximum.
      arbitrary: fc.oneof(
        fc.integer({ min: 1, max: 100 }).map((qty) => [{ productId: shop.freeSample.id, qty }]),
        fc.integer({ min: 11, max: ORDER_QTY_MAX }).map((qty) => [{ productId: shop.goldBar.id, qty }]),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.constant(null),
        fc.string({ maxLength: 10 }),
        fc.integer(),
        options.graphql
          ? fc.constant(true)
          : fc.record({ productId: fc.constant(shop.mug.id), qty: fc.constant(1) }),
      ),
    },
  );
}

/** `POST /orders`'s body, or (`graphql`) PlaceOrderInput with its optional idempotencyKey. */
export const placeOrderSpec = (shop: Shop, options: { graphql?: boolean } = {}): ObjectSpec => ({
  items: {
    valid: fc.array(validLine(shop), { minLength: 1, maxLength: 3 }),
    bad: badItems(shop, options),
    required: true,
  },
  ...(options.graphql
    ? {
        idempotencyKey: {
          valid: fc.uuid({ version: 4 }),
          bad: badIdempotencyKey,
          required: false,
        },
      }
    : {}),
});

export const chargeSpec: ObjectSpec = {
  order_id: {
    valid: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ""),
    bad: fc.oneof(badText(ORDER_REFERENCE_MAX), withNul),
    required: true,
  },
  amount_cents: {
    valid: fc.integer({ min: 1, max: CHARGE_AMOUNT_MAX }),
    bad: badInt(1, CHARGE_AMOUNT_MAX),
    required: true,
  },
};

export { badId };
