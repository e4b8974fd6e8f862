import { tableColumns } from "@shop/db";
/**
 * Everything a request could have written, read in one statement: the row
 * counts of every table, every product's stock, and digests of every row
 * of the tables a write would touch. Equal snapshots before and after a
 * request mean it wrote nothing.
 */

export interface Snapshot {
  products: number;
  orders: number;
  orderItems: number;
  charges: number;
  idempotencyKeys: number;
  /** Product id → stock_qty. */
  stock: Record<string, number>;
  /** md5 of every column of every row, per table. */
  digests: { products: string; orders: string; orderItems: string; charges: string; idempotencyKeys: string };
}

/** md5 of every column (from @shop/db's one column list per table) of every row, in `order`. */
const digest = (table: keyof typeof tableColumns, order: string) => {
  const columns = Object.values(tableColumns[table]).join(", ");
  return `(SELECT md5(coalesce(string_agg(concat_ws('|', ${columns}), ',' ORDER BY ${order}), '')) FROM ${table})`;
};

export const SNAPSHOT_SQL = `
SELECT
  (SELECT count(*) FROM products)::int AS products,
  (SELECT count(*) FROM orders)::int AS orders,
  (SELECT count(*) FROM order_items)::int AS order_items,
  (SELECT count(*) FROM charges)::int AS charges,
  (SELECT count(*) FROM idempotency_keys)::int AS idempotency_keys,
  (SELECT coalesce(json_object_agg(id, stock_qty ORDER BY id), '{}'::json) FROM products)::text AS stock,
  ${digest("products", "id")} AS products_digest,
  ${digest("orders", "id")} AS orders_digest,
  ${digest("order_items", "order_id, product_id")} AS order_items_digest,
  ${digest("charges", "id")} AS charges_digest,
  ${digest("idempotency_keys", "scope, key")} AS idempotency_keys_digest`;

interface SnapshotRow {
  products: number;
  orders: number;
  order_items: number;
  charges: number;
  idempotency_keys: number;
  stock: string;
  products_digest: string;
  orders_digest: string;
  order_items_digest: string;
  charges_digest: string;
  idempotency_keys_digest: string;
}

/** Runs SNAPSHOT_SQL through whatever can run SQL (Prisma's $queryRawUnsafe, a pg client). */
export async function takeSnapshot(query: (sql: string) => Promise<unknown[]>): Promise<Snapshot> {
  const [row] = (await query(SNAPSHOT_SQL)) as SnapshotRow[];
  if (!row) throw new Error("the snapshot query returned no row");
  return {
    products: row.products,
    orders: row.orders,
    orderItems: row.order_items,
    charges: row.charges,
    idempotencyKeys: row.idempotency_keys,
    stock: JSON.parse(row.stock) as Record<string, number>,
    digests: {
      products: row.products_digest,
      orders: row.orders_digest,
      orderItems: row.order_items_digest,
      charges: row.charges_digest,
      idempotencyKeys: row.idempotency_keys_digest,
    },
  };
}

/**
 * How many rows differ between two snapshots: count differences, products
 * whose stock moved, and at least one row for every table whose digest
 * changed although its count and stock did not (a row rewritten in place).
 */
export function differingRows(before: Snapshot, after: Snapshot): number {
  const tables = ["products", "orders", "orderItems", "charges", "idempotencyKeys"] as const;
  let rows = 0;
  for (const table of tables) {
    let differ = Math.abs(after[table] - before[table]);
    if (table === "products") {
      for (const [id, stock] of Object.entries(before.stock)) if (after.stock[id] !== stock) differ += 1;
    }
    if (differ === 0 && after.digests[table] !== before.digests[table]) differ = 1;
    rows += differ;
  }
  return rows;
}
