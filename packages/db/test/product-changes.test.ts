import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenForProductChanges } from "../src/product-changes.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing/index.ts";

/**
 * The products triggers' notifications as a listener hears them: a content
 * change names the new catalog version, a stock change the products, and a
 * product running out or coming back is told on a channel of its own.
 */
let db: TestDatabase;
const heard: string[] = [];
let stop: () => Promise<void>;
let listening: Promise<void>;

beforeAll(async () => {
  db = await createTestDatabase();
  let connected!: () => void;
  listening = new Promise((r) => (connected = r));
  stop = listenForProductChanges(
    db.url,
    {
      onContentChange: (version) => heard.push(`content ${version}`),
      onStockChange: (ids) => heard.push(`stock ${String(ids)}`),
      onSoldOutChange: (ids) => heard.push(`sold-out ${String(ids)}`),
      onListening: (on) => on && connected(),
    },
    { warn: () => undefined },
  );
});
afterAll(async () => {
  await stop();
  await db.drop();
});

let markers = 0;
/** Until a marker notification sent now arrives: notifications come in commit order, so every earlier one is in. */
async function flush(): Promise<void> {
  const marker = `marker ${++markers}`;
  await db.prisma.$executeRawUnsafe(`SELECT pg_notify('product_stock_changed', '${marker}')`);
  await expect.poll(() => heard.at(-1), { timeout: 5_000 }).toBe(`stock ${marker}`);
}

/** What a listener hears for `sql`, and nothing else. */
async function heardAfter(sql: string): Promise<string[]> {
  await listening;
  await flush();
  heard.length = 0;
  await db.prisma.$executeRawUnsafe(sql);
  await flush();
  return heard.slice(0, -1);
}

describe("product change notifications", () => {
  it("tell stock changes, and running out or coming back apart from them", async () => {
    const id = "00000000-0000-4000-8000-00000000c0ff";
    expect(
      await heardAfter(
        `INSERT INTO products (id, name, price_cents, stock_qty) VALUES ('${id}', 'Tin Cup', 100, 2)`,
      ),
    ).toEqual([expect.stringMatching(/^content \d+$/)]);
    expect(await heardAfter(`UPDATE products SET stock_qty = 1 WHERE id = '${id}'`)).toEqual([`stock ${id}`]);
    expect(await heardAfter(`UPDATE products SET stock_qty = 0 WHERE id = '${id}'`)).toEqual([
      `stock ${id}`,
      `sold-out ${id}`,
    ]);
    expect(await heardAfter(`UPDATE products SET stock_qty = 3 WHERE id = '${id}'`)).toEqual([
      `stock ${id}`,
      `sold-out ${id}`,
    ]);
    const renamed = await heardAfter(`UPDATE products SET name = 'Tin Mug' WHERE id = '${id}'`);
    expect(renamed).toHaveLength(1);
    expect(renamed[0]).toMatch(/^content \d+$/);
  });
});
