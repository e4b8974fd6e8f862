import type { CatalogSlice } from "@shop/contracts";
import { queryRows, type PrismaClient } from "@shop/db";
import { databaseSpan } from "@shop/service";
import { decodeCursor, encodeCursor, filtersFingerprint } from "./catalog-cursor.ts";

/** What a slice's cursor is bound to: slices of the whole catalog, by name. */
const WHOLE_CATALOG = filtersFingerprint("whole catalog");

type Row = { id: string; name: string; price_cents: number; stock_qty: number };

/**
 * One slice of the whole catalog by name, keyset-paged on (name, id) along
 * products_name_id_idx: how the gateway reads a catalog too large for
 * Inventory to hold (CATALOG_HOLD_AT_MOST), `limit` products at a time.
 */
export async function catalogSlice(
  db: PrismaClient,
  after: string | undefined,
  limit: number,
): Promise<CatalogSlice> {
  const from = after ? decodeCursor(after, "name", WHOLE_CATALOG) : undefined;
  const rows = await queryRows<Row>(
    db,
    from
      ? `SELECT id, name, price_cents, stock_qty FROM products
          WHERE archived_at IS NULL AND (name, id) > ($2, $3::uuid)
          ORDER BY name, id LIMIT $1`
      : `SELECT id, name, price_cents, stock_qty FROM products
          WHERE archived_at IS NULL
          ORDER BY name, id LIMIT $1`,
    from ? [limit + 1, String(from.key), from.id] : [limit + 1],
    (run) => databaseSpan("SELECT", "products", run),
  );
  const products = rows.slice(0, limit);
  const last = products.at(-1);
  return {
    products,
    next:
      rows.length > limit && last
        ? encodeCursor("name", WHOLE_CATALOG, { key: last.name, id: last.id })
        : null,
  };
}
