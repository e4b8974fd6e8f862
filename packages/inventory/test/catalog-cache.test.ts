import type { Product } from "@shop/contracts";
import { createTestDatabase, type TestDatabase } from "@shop/db/testing";
import { createLogger } from "@shop/service";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInventoryApp } from "../src/app.ts";
import { CatalogCache } from "../src/domain/catalog-cache.ts";

const product = (name: string): Product => ({
  id: "00000000-0000-4000-8000-000000000001",
  name,
  price_cents: 1,
  stock_qty: 1,
});

describe("CatalogCache", () => {
  it("serves from memory only while change notifications arrive", async () => {
    let loads = 0;
    const cache = new CatalogCache(() => Promise.resolve([product(`v${++loads}`)]));
    await cache.get();
    await cache.get();
    expect(loads).toBe(2); // not listening: every read loads
    cache.setListening(true);
    await cache.get();
    expect((await cache.get()).products[0]?.name).toBe("v3");
    expect(loads).toBe(3);
    cache.invalidate();
    expect((await cache.get()).json).toContain('"v4"');
  });

  it("shares one load between concurrent misses", async () => {
    let loads = 0;
    const cache = new CatalogCache(() => Promise.resolve([product(`v${++loads}`)]));
    cache.setListening(true);
    await Promise.all([cache.get(), cache.get(), cache.get()]);
    expect(loads).toBe(1);
  });

  it("does not keep a load that a change overtook", async () => {
    let loads = 0;
    let release!: () => void;
    const cache = new CatalogCache(async () => {
      const n = ++loads;
      if (n === 1) await new Promise<void>((r) => (release = r));
      return [product(`v${n}`)];
    });
    cache.setListening(true);
    const first = cache.get();
    await Promise.resolve();
    cache.invalidate(); // the catalog changed while the first load was reading it
    release();
    expect((await first).products[0]?.name).toBe("v1");
    expect((await cache.get()).products[0]?.name).toBe("v2");
  });

  it("answers a long poll the moment the catalog changes, or when its wait is over", async () => {
    const cache = new CatalogCache(() => Promise.resolve([product("v")]));
    cache.setListening(true);
    const since = cache.currentVersion();
    expect(await cache.waitForChange("some older version", 10_000)).toBe(since);
    const waiting = cache.waitForChange(since, 10_000);
    cache.invalidate();
    expect(await waiting).not.toBe(since);
    const now = cache.currentVersion();
    expect(await cache.waitForChange(now, 10)).toBe(now);
  });

  it("gives every read a new version while notifications do not arrive", async () => {
    const cache = new CatalogCache(() => Promise.resolve([product("v")]));
    const first = await cache.get();
    const second = await cache.get();
    expect(second.version).not.toBe(first.version);
  });

  it("expires entries after its TTL, as a safety net", async () => {
    let loads = 0;
    const cache = new CatalogCache(() => Promise.resolve([product(`v${++loads}`)]), 0);
    cache.setListening(true);
    await cache.get();
    await cache.get();
    expect(loads).toBe(2);
  });
});

describe("the catalog cache in the running app", () => {
  let db: TestDatabase;
  let app: ReturnType<typeof createInventoryApp>;
  beforeAll(async () => {
    db = await createTestDatabase();
    app = createInventoryApp({
      db: db.prisma,
      log: createLogger("inventory", "silent"),
      adminToken: "test-admin-token-0123456789",
      serviceToken: "test-service-token-0123456789",
      listenUrl: db.url,
    });
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  const catalog = async () => (await (await app.request("/products")).json()) as Product[];

  it("shows a stock change made by another process (as Orders does) within milliseconds", async () => {
    const { id } = await db.prisma.product.create({
      data: { name: "Cached mug", priceCents: 500, stockQty: 5 },
    });
    expect((await catalog()).find((p) => p.id === id)?.stock_qty).toBe(5);
    // Straight to the database, not through this app: only the notification tells it.
    await db.prisma.$executeRaw`UPDATE products SET stock_qty = 4 WHERE id = ${id}::uuid`;
    const started = Date.now();
    while ((await catalog()).find((p) => p.id === id)?.stock_qty !== 4) {
      expect(Date.now() - started).toBeLessThan(2_000);
      await new Promise((r) => setTimeout(r, 5));
    }
  });

  it("shows a write through its own doors at once", async () => {
    const created = (await (
      await app.request("/products", {
        method: "POST",
        headers: { authorization: "Bearer test-admin-token-0123456789", "content-type": "application/json" },
        body: JSON.stringify({ name: "Fresh teapot", price_cents: 100, stock_qty: 2 }),
      })
    ).json()) as Product;
    expect((await catalog()).map((p) => p.id)).toContain(created.id);
  });
});
