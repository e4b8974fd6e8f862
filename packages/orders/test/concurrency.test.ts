import { describe, expect, it } from "vitest";
import { shuffled, useOrders } from "./harness.ts";

/**
 * Placement under contention, through the REST door, against a real
 * PostgreSQL: the row locks, not luck, decide who gets the stock.
 */
const h = useOrders();

describe("concurrent placements", () => {
  it("two orders for the last unit: exactly one wins, the other is told insufficient_stock", async () => {
    const mug = await h.createProduct({ name: "Mug", stock_qty: 1 });
    const order = { items: [{ productId: mug.id, qty: 1 }] };

    const [first, second] = await Promise.all([
      h.rest("POST", "/orders", { body: order }),
      h.rest("POST", "/orders", { body: order }),
    ]);
    expect([first?.status, second?.status].sort()).toEqual([201, 409]);
    const loser = first?.status === 409 ? first : second;
    expect(loser?.body).toEqual({
      error: "insufficient_stock",
      message: expect.stringContaining(mug.id),
      details: [{ productId: mug.id, requested: 1, available: 0 }],
    });
    expect(await h.stockOf(mug.id)).toBe(0);
    expect(await h.db.orderItem.count({ where: { productId: mug.id } })).toBe(1);
  });

  it("60 multi-item orders over three products in random line order: stock ends at initial minus sold", async () => {
    const initial = 40;
    const products = await Promise.all(
      ["Cup", "Saucer", "Spoon"].map((name) => h.createProduct({ name, stock_qty: initial })),
    );
    // Every order wants 1–3 units of two or three of the products, its lines
    // shuffled: without one lock order, two such orders would deadlock.
    const orders = Array.from({ length: 60 }, () => {
      const chosen = shuffled(products).slice(0, 2 + Math.floor(Math.random() * 2));
      return chosen.map((p) => ({ productId: p.id, qty: 1 + Math.floor(Math.random() * 3) }));
    });

    const before = await h.snapshot();
    const started = performance.now();
    const answers = await Promise.all(orders.map((items) => h.rest("POST", "/orders", { body: { items } })));
    const elapsedMs = Math.round(performance.now() - started);

    const won = orders.filter((_, i) => answers[i]?.status === 201);
    const lost = answers.filter((a) => a.status !== 201);
    // Every failure is the expected one: no deadlock, no 500, no timeout reaches a client.
    for (const answer of lost) {
      expect(answer).toMatchObject({ status: 409, body: { error: "insufficient_stock" } });
    }
    // The demand exceeds the stock, so both outcomes happen.
    expect(won.length).toBeGreaterThan(0);
    expect(lost.length).toBeGreaterThan(0);

    for (const product of products) {
      const sold = won
        .flat()
        .reduce((sum, line) => (line.productId === product.id ? sum + line.qty : sum), 0);
      const stock = await h.stockOf(product.id);
      expect(stock).toBe(initial - sold);
      expect(stock).toBeGreaterThanOrEqual(0);
      // What the order lines say was sold agrees with the stock.
      const recorded = await h.db.orderItem.aggregate({
        where: { productId: product.id },
        _sum: { qty: true },
      });
      expect(recorded._sum.qty ?? 0).toBe(sold);
    }
    // One stored order per 201, and none for a refusal.
    expect((await h.snapshot()).orders - before.orders).toBe(won.length);
    console.info(
      `60 concurrent orders: ${won.length} placed, ${lost.length} insufficient_stock, ` +
        `final stock ${JSON.stringify(await Promise.all(products.map((p) => h.stockOf(p.id))))} ` +
        `of ${initial} each, in ${elapsedMs} ms`,
    );
  });
});
