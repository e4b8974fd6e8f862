import { Prisma } from "@shop/db";
import { holdRowLock, waitersOnLocks, type LockWaiter } from "@shop/db/testing";
import { describe, expect, it } from "vitest";
import type { Actor } from "../src/domain/actor.ts";
import { placeOrderIn } from "../src/domain/place-order.ts";
import { shuffled, useOrders } from "./harness.ts";

const SHOPPER: Actor = { name: "shopper" };

/**
 * Placement under contention, through the REST door, against a real
 * PostgreSQL: the row locks, not luck, decide who gets the stock.
 */
const h = useOrders();

describe("concurrent placements", () => {
  it("two orders for the last unit, both transactions open at once: the second waits on the row lock, then is told insufficient_stock", async () => {
    const mug = await h.createProduct({ name: "Mug", stock_qty: 1 });
    const order = { items: [{ productId: mug.id, qty: 1 }] };
    const inTransaction = {
      isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted,
      timeout: 30_000,
      maxWait: 10_000,
    };

    // The first buyer places inside its transaction and then holds it open:
    // its lock is taken, its decrement not yet committed.
    let commitFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (commitFirst = resolve));
    let firstPlaced!: () => void;
    const firstHoldsTheLock = new Promise<void>((resolve) => (firstPlaced = resolve));
    const first = h.db.$transaction(async (tx) => {
      const placed = await placeOrderIn(tx, order, SHOPPER);
      firstPlaced();
      await firstMayCommit;
      return placed;
    }, inTransaction);
    await firstHoldsTheLock;

    // The second buyer's transaction starts while the first is open, and must
    // be stopped at the locking statement itself.
    const second = h.db
      .$transaction((tx) => placeOrderIn(tx, order, SHOPPER), inTransaction)
      .then(
        (placed) => ({ placed, refused: undefined }),
        (refused: unknown) => ({ placed: undefined, refused }),
      );
    const blocked = await waitForLockWaiter();
    // Stopped inside the placement (its locking statement: place_order takes
    // the row locks before it reads or writes anything).
    expect(blocked.query).toMatch(/place_order\(/);
    // Both are open at once: nothing of the first is visible yet.
    expect(await h.stockOf(mug.id)).toBe(1);
    expect(await h.db.order.count()).toBe(0);

    commitFirst();
    expect(await first).toMatchObject({ status: "PENDING", total_cents: mug.price_cents });
    const outcome = await second;
    expect(outcome.placed).toBeUndefined();
    expect(outcome.refused).toMatchObject({
      code: "insufficient_stock",
      details: [{ productId: mug.id, requested: 1, available: 0 }],
    });
    expect(await h.stockOf(mug.id)).toBe(0);
    expect(await h.db.orderItem.count({ where: { productId: mug.id } })).toBe(1);
  }, 30_000);

  it("an order the committed stock cannot serve is refused at once, without queueing for the row lock; one it can serve waits for it", async () => {
    const mug = await h.createProduct({ name: "Mug", stock_qty: 1 });
    // Another transaction holds the product's row lock (as a placement does until it commits).
    const held = await holdRowLock(h.url, "products", mug.id);
    let released = false;
    try {
      const tooMany = await h.rest("POST", "/orders", { body: { items: [{ productId: mug.id, qty: 2 }] } });
      expect(tooMany.status).toBe(409);
      expect(tooMany.body).toMatchObject({
        error: "insufficient_stock",
        details: [{ productId: mug.id, requested: 2, available: 1 }],
      });
      expect(await held.waiters()).toBe(0);

      // The last unit itself: the committed stock can serve it, so it takes the lock and waits.
      const last = h.rest("POST", "/orders", { body: { items: [{ productId: mug.id, qty: 1 }] } });
      await held.untilWaiting(1);
      released = true;
      await held.release();
      expect((await last).status).toBe(201);
    } finally {
      if (!released) await held.release();
    }
    expect(await h.stockOf(mug.id)).toBe(0);
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

/** The one backend of this test's database waiting for a lock, once it waits (10 s at most). */
async function waitForLockWaiter(): Promise<LockWaiter> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const waiting = await waitersOnLocks(h.db);
    if (waiting.length === 1 && waiting[0]) return waiting[0];
    if (waiting.length > 1) throw new Error(`expected one waiting backend, found ${waiting.length}`);
    if (Date.now() > deadline) throw new Error("the second transaction never waited for the first's lock");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
