import type pg from "pg";

/**
 * The limit: the order transaction with nothing around it. Lock the two
 * products in id order, check stock, insert the order and its items,
 * decrement, commit: what Orders does, minus HTTP, validation, Prisma and JSON.
 */
export function rawOrderTransaction(pool: pg.Pool) {
  return async (productIds: [string, string]): Promise<void> => {
    const ids = [...productIds].sort();
    await inRawTransaction(pool, async (client) => {
      const { rows } = await client.query<{ id: string; price_cents: number; stock_qty: number }>(
        "SELECT id, price_cents, stock_qty FROM products WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE",
        [ids],
      );
      if (rows.length !== 2 || rows.some((r) => r.stock_qty < 1)) throw new Error("insufficient stock");
      const total = rows.reduce((sum, r) => sum + r.price_cents, 0);
      const order = await client.query<{ id: string }>(
        "INSERT INTO orders (total_cents) VALUES ($1) RETURNING id",
        [total],
      );
      const orderId = order.rows[0]!.id;
      await client.query(
        `INSERT INTO order_items (order_id, product_id, qty, price_cents)
         SELECT $1, r.id, 1, r.price_cents FROM unnest($2::uuid[], $3::int[]) AS r(id, price_cents)`,
        [orderId, rows.map((r) => r.id), rows.map((r) => r.price_cents)],
      );
      await client.query("UPDATE products SET stock_qty = stock_qty - 1 WHERE id = ANY($1::uuid[])", [ids]);
      return "commit";
    });
  };
}

/**
 * BEGIN, the work, then COMMIT or (when it says so, or throws) ROLLBACK, on a
 * connection of the pool: the frame of every raw baseline transaction.
 */
export async function inRawTransaction(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<"commit" | "rollback">,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query((await work(client)) === "commit" ? "COMMIT" : "ROLLBACK");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
