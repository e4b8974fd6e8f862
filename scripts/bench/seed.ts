import pg from "pg";

const MAX_STOCK = 1_000_000; // enough that no bench order runs out

/**
 * The bench catalog: `size` products to spread orders over, plus two "hot"
 * products every hot order names (row-lock contention on purpose).
 */
export async function seedBenchCatalog(
  url: string,
  size: number,
): Promise<{ hot: [string, string]; spread: string[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; name: string }>(
      `INSERT INTO products (name, price_cents, stock_qty)
       SELECT 'Bench product ' || n, 100 + (n * 37) % 9900, $2::int
       FROM generate_series(1, $1::int) AS n
       UNION ALL SELECT 'Hot product ' || n, 1500, $2::int FROM generate_series(1, 2) AS n
       RETURNING id, name`,
      [size, MAX_STOCK],
    );
    const hot = rows.filter((r) => r.name.startsWith("Hot")).map((r) => r.id);
    return {
      hot: [hot[0]!, hot[1]!],
      spread: rows.filter((r) => !r.name.startsWith("Hot")).map((r) => r.id),
    };
  } finally {
    await client.end();
  }
}

const KINDS = [
  "Mug",
  "Teapot",
  "Kettle",
  "Dripper",
  "Grinder",
  "Carafe",
  "Tray",
  "Tin",
  "Napkin",
  "Cup",
  "Scale",
  "Jar",
];
const FINISHES = [
  "Walnut",
  "Oak",
  "Enamel",
  "Stoneware",
  "Glass",
  "Copper",
  "Matte",
  "Speckled",
  "Crème",
  "Slate",
];

/**
 * Grows the catalog to `total` products in one INSERT ... SELECT over
 * generate_series: names from a dozen kinds and ten finishes (so a search
 * has thousands of candidates), a description each, and prices and stock
 * that vary (some sold out, for in_stock).
 */
export async function growBenchCatalog(url: string, total: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM products");
    const missing = total - (rows[0]?.n ?? 0);
    if (missing <= 0) return;
    await client.query(
      `INSERT INTO products (name, price_cents, stock_qty, sku, description, created_at)
       SELECT ($2::text[])[1 + n % 10] || ' ' || ($1::text[])[1 + n % 12] || ' ' || n,
              100 + (n * 37) % 19900,
              CASE WHEN n % 7 = 0 THEN 0 ELSE 1 + n % 50 END,
              'SKU-' || n,
              'A ' || lower(($2::text[])[1 + n % 10]) || ' ' || lower(($1::text[])[1 + n % 12]) ||
                ' for everyday coffee and tea, made in small batches; item ' || n || '.',
              now() - make_interval(secs => n)
       FROM generate_series(1, $3::int) AS n`,
      [KINDS, FINISHES, missing],
    );
    await client.query("ANALYZE products");
  } finally {
    await client.end();
  }
}
