import { poolOf, type PrismaClient } from "@shop/db";
import { databaseSpan } from "@shop/service";

/** Products read per FETCH: ~110 kB of JSON at a time. */
const FETCH_SIZE = 1_000;

/**
 * Each catalog product's JSON as PostgreSQL writes it, by name: the four
 * locked fields, byte for byte what JSON.stringify writes of the same product
 * (row_to_json writes no spaces and escapes as JSON.stringify does).
 */
const PRODUCTS_AS_JSON = `
  SELECT row_to_json(p)::text
    FROM (SELECT id, name, price_cents, stock_qty FROM products WHERE archived_at IS NULL) p
   ORDER BY p.name, p.id`;

/**
 * The whole catalog as `GET /products` sends it, for a catalog larger than
 * Inventory holds in memory (CatalogCache): PostgreSQL writes each product's
 * JSON, read a thousand at a time from a cursor in one read-only snapshot and
 * kept as UTF-8 bytes only (~110 bytes a product). No product object is made,
 * and the connection is back in the pool before the first byte is sent,
 * however slowly the client reads.
 */
export async function wholeCatalogJson(db: PrismaClient): Promise<Uint8Array<ArrayBuffer>[]> {
  const pool = poolOf(db);
  if (!pool) throw new Error("wholeCatalogJson needs a client made by createPrismaClient (its pg pool)");
  return databaseSpan("SELECT", "products", async () => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      await client.query(`DECLARE whole_catalog NO SCROLL CURSOR FOR ${PRODUCTS_AS_JSON}`);
      const encoder = new TextEncoder();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      for (;;) {
        const { rows } = await client.query<[string]>({
          text: `FETCH ${FETCH_SIZE} FROM whole_catalog`,
          rowMode: "array",
        });
        if (rows.length === 0) break;
        chunks.push(encoder.encode((chunks.length === 0 ? "[" : ",") + rows.map((r) => r[0]).join(",")));
      }
      await client.query("COMMIT");
      chunks.push(encoder.encode(chunks.length === 0 ? "[]" : "]"));
      return chunks;
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  });
}
