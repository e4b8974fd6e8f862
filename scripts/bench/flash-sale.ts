import type pg from "pg";
import { inRawTransaction } from "./raw-order.ts";
import type { Measurement } from "./load.ts";

/** Units of the one product a flash-sale row sells (fewer than the slowest path's buyers in a run: it sells out). */
export const FLASH_STOCK = 500;
/** Buyers at once. */
export const FLASH_CONNECTIONS = 64;

/** A fresh product for one flash-sale run (each run, warm-up included, sells its own). */
export async function newFlashProduct(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    "INSERT INTO products (name, price_cents, stock_qty) VALUES ('Flash sale teapot', 2500, $1) RETURNING id",
    [FLASH_STOCK],
  );
  return rows[0]!.id;
}

/**
 * What a flash sale must show after the run: exactly the stock sold (the
 * product at 0, its order lines summing to the stock: demand always exceeds
 * it) and no 5xx. A one-line verdict for the table.
 */
export async function verifyFlashSale(pool: pg.Pool, productId: string, m: Measurement): Promise<string> {
  const { rows } = await pool.query<{ stock: number; sold: number }>(
    `SELECT p.stock_qty AS stock, coalesce((SELECT sum(qty) FROM order_items WHERE product_id = p.id), 0)::int AS sold
       FROM products p WHERE p.id = $1`,
    [productId],
  );
  const { stock, sold } = rows[0]!;
  const fiveXx = Object.entries(m.statusCodes ?? {})
    .filter(([code]) => code.startsWith("5"))
    .reduce((sum, [, n]) => sum + n, 0);
  const refused = m.statusCodes?.["409"];
  // Every unit accounted for (sold + left = stock), sold out, and no 5xx.
  const ok = sold + stock === FLASH_STOCK && stock === 0 && fiveXx === 0 && m.errors === 0;
  return (
    `sold ${sold.toLocaleString("en-US")} of ${FLASH_STOCK.toLocaleString("en-US")}` +
    (refused === undefined ? "" : `, ${refused.toLocaleString("en-US")} × 409`) +
    `, 5xx ${fiveXx} ${ok ? "✅" : "❌"}`
  );
}

/**
 * The baseline: the 5-statement order transaction on the one hot row, sent
 * straight to PostgreSQL (BEGIN, SELECT ... FOR UPDATE, INSERT the order,
 * INSERT its line, UPDATE the stock, COMMIT; sold out: ROLLBACK after the
 * SELECT), what POST /orders did before placement became one function call.
 */
export function rawFlashOrder(pool: pg.Pool) {
  return async (productId: string): Promise<void> => {
    await inRawTransaction(pool, async (client) => {
      const { rows } = await client.query<{ price_cents: number; stock_qty: number }>(
        "SELECT price_cents, stock_qty FROM products WHERE id = $1 FOR UPDATE",
        [productId],
      );
      const product = rows[0]!;
      if (product.stock_qty < 1) return "rollback"; // a clean "sold out", as insufficient_stock
      const order = await client.query<{ id: string }>(
        "INSERT INTO orders (total_cents) VALUES ($1) RETURNING id",
        [product.price_cents],
      );
      await client.query(
        "INSERT INTO order_items (order_id, product_id, qty, price_cents) VALUES ($1, $2, 1, $3)",
        [order.rows[0]!.id, productId, product.price_cents],
      );
      await client.query("UPDATE products SET stock_qty = stock_qty - 1 WHERE id = $1", [productId]);
      return "commit";
    });
  };
}
