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
