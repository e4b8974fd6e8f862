import type { Product } from "@shop/contracts";
import { createTestDatabase, type TestDatabase } from "@shop/db/testing";
import { createLogger } from "@shop/service";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInventoryApp } from "../src/app.ts";
import { CatalogCache, type CatalogLoaders } from "../src/domain/catalog-cache.ts";

const ID = "00000000-0000-4000-8000-000000000001";
const ADMIN_TOKEN = "test-admin-token-0123456789";
const asAdmin = { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" };

/** Inventory's app over `db`, its catalog cache listening for changes at `listenUrl`. */
const listeningApp = (db: TestDatabase["prisma"], listenUrl: string) =>
  createInventoryApp({
    db,
    log: createLogger("inventory", "silent"),
    adminToken: ADMIN_TOKEN,
    serviceToken: "test-service-token-0123456789",
    listenUrl,
  });
const product = (name: string, stock = 1): Product => ({ id: ID, name, price_cents: 1, stock_qty: stock });

/** A fake database: a content version, one product (or `extra` more), and counts of what was read. */
function fakeDatabase() {
  const state = { version: 1, name: "v1", stock: 5, extra: 0, loads: 0, wholeLoads: 0, stockReads: 0 };
  const loaders: CatalogLoaders = {
    load: (atMost) => {
      state.loads++;
      const version = String(state.version);
      const products = [
        product(state.name, state.stock),
        ...Array.from({ length: state.extra }, (_, i) => ({ ...product(`extra ${i}`), id: `extra-${i}` })),
      ];
      if (atMost !== undefined && products.length > atMost) return Promise.resolve({ version });
      if (atMost === undefined) state.wholeLoads++;
      return Promise.resolve({ version, products });
    },
    stockOf: (ids) => {
      state.stockReads++;
      return Promise.resolve(new Map(ids.filter((id) => id === ID).map((id) => [id, state.stock])));
    },
  };
  return { state, loaders };
}

describe("CatalogCache", () => {
  it("serves from memory only while change notifications arrive", async () => {
    const { state, loaders } = fakeDatabase();
    const cache = new CatalogCache(loaders);
    await cache.get();
    await cache.get();
    expect(state.loads).toBe(2); // not listening: every read loads
    cache.setListening(true);
    await cache.get();
    await cache.get();
    expect(state.loads).toBe(3);
  });

  it("holds no catalog larger than its bound, and holds it again once it fits", async () => {
    const { state, loaders } = fakeDatabase();
    state.extra = 2; // three products
    const cache = new CatalogCache(loaders, 30_000, 2);
    cache.setListening(true);
    // held(): one bounded read says "too many", and nothing is read or kept after it.
    expect(await cache.held()).toBeUndefined();
    expect(await cache.held()).toBeUndefined();
    expect(state).toMatchObject({ loads: 1, wholeLoads: 0 });
    // get(): read whole for each caller, kept by none.
    expect((await cache.get()).products).toHaveLength(3);
    expect((await cache.get()).products).toHaveLength(3);
    expect(state).toMatchObject({ loads: 3, wholeLoads: 2 });
    expect(await cache.waitForChange("", 0)).toBe("1:unloaded");
    // Archived down to the bound: the next content version is held again.
    state.extra = 1;
    state.version = 2;
    cache.contentChanged("2");
    expect((await cache.held())?.products).toHaveLength(2);
    await cache.get();
    expect(state).toMatchObject({ loads: 4, wholeLoads: 2 });
  });

  it("carries the database's content version, so two replicas agree on it", async () => {
    const a = fakeDatabase();
    const one = new CatalogCache(a.loaders);
    const two = new CatalogCache(a.loaders);
    one.setListening(true);
    two.setListening(true);
    expect((await one.get()).version).toBe("1");
    expect((await two.get()).version).toBe("1");
    expect(one.contentVersion()).toBe(two.contentVersion());
    expect(await one.waitForChange("", 0)).toBe(await two.waitForChange("", 0));
  });

  it("reloads on a content change, to the version the notification names", async () => {
    const { state, loaders } = fakeDatabase();
    const cache = new CatalogCache(loaders);
    cache.setListening(true);
    await cache.get();
    state.version = 2;
    state.name = "v2";
    cache.contentChanged("2");
    const after = await cache.get();
    expect(after.version).toBe("2");
    expect(after.products[0]?.name).toBe("v2");
    expect(state.loads).toBe(2);
  });

  it("re-reads only the stock of the product a stock change names, keeping the content and its version", async () => {
    const { state, loaders } = fakeDatabase();
    const cache = new CatalogCache(loaders);
    cache.setListening(true);
    const before = await cache.get();
    state.stock = 4;
    cache.stockChanged([ID]);
    const after = await cache.get();
    expect(after.products[0]?.stock_qty).toBe(4);
    expect(new TextDecoder().decode(after.body)).toContain('"stock_qty":4');
    expect(after.version).toBe(before.version);
    expect(after.stockStamp).not.toBe(before.stockStamp);
    expect(state.loads).toBe(1);
    expect(state.stockReads).toBe(1);
    await cache.get();
    expect(state.stockReads).toBe(1); // nothing stale: no read
  });

  it("keeps the catalog's bytes until it changes, and encodes them anew after a stock change", async () => {
    const { state, loaders } = fakeDatabase();
    const cache = new CatalogCache(loaders);
    cache.setListening(true);
    const first = (await cache.get()).body;
    expect((await cache.get()).body).toBe(first);
    state.stock = 7;
    cache.stockChanged([ID]);
    const changed = (await cache.get()).body;
    expect(changed).not.toBe(first);
    expect(new TextDecoder().decode(changed)).toContain('"stock_qty":7');
    expect((await cache.get()).body).toBe(changed);
  });

  it("answers with no getter of the answer's own (one shared by every answer)", async () => {
    // A getter made per answer (an object literal's) is held by an accessor
    // record V8 allocates in its old generation: each request's objects then
    // outlived the young collections.
    const cache = new CatalogCache(fakeDatabase().loaders);
    for (const listening of [true, false]) {
      cache.setListening(listening);
      const answer = await cache.get();
      expect(Object.getOwnPropertyDescriptor(answer, "body")).toBeUndefined();
      expect(new TextDecoder().decode(answer.body)).toContain(ID);
    }
  });

  it("wakes a long poll on a stock change with a new stamp and the same content version", async () => {
    const { state, loaders } = fakeDatabase();
    const cache = new CatalogCache(loaders);
    cache.setListening(true);
    await cache.get(); // someone read the whole catalog: this replica holds it
    const since = await cache.waitForChange("", 0);
    expect(await cache.waitForChange(since, 20)).toBe(since); // nothing changed
    const waiting = cache.waitForChange(since, 10_000);
    state.stock = 3;
    cache.stockChanged([ID]);
    const afterStock = await waiting;
    expect(afterStock.split(":")[0]).toBe(since.split(":")[0]);
    expect(afterStock).not.toBe(since);
    expect(state.loads).toBe(1); // the stock was re-read, the catalog was not
    const waitingAgain = cache.waitForChange(afterStock, 10_000);
    state.version = 7;
    cache.contentChanged("7");
    expect((await waitingAgain).split(":")[0]).toBe("7");
  });

  it("answers a watch without loading a catalog nobody read, and wakes it with the full version once one is loaded", async () => {
    const { state, loaders } = fakeDatabase();
    const cache = new CatalogCache(loaders);
    cache.setListening(true);
    cache.contentChanged("3");
    const since = await cache.waitForChange("", 0);
    expect(since).toBe("3:unloaded");
    expect(state.loads).toBe(0); // a watch alone holds no catalog in memory
    // A stock change moves nothing held here: the poll waits on (answering
    // "unchanged" at once would have the gateway ask again, once per order).
    const started = Date.now();
    const polled = cache.waitForChange(since, 150);
    cache.stockChanged([ID]);
    expect(await polled).toBe(since);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    const waiting = cache.waitForChange(since, 10_000);
    state.version = 3;
    await cache.get(); // a client reads the catalog: now it is held
    const full = await waiting;
    expect(full).toMatch(/^3:(?!unloaded)/);
    expect(state.loads).toBe(1);
  });

  it("shares one load between concurrent misses", async () => {
    const { state, loaders } = fakeDatabase();
    const cache = new CatalogCache(loaders);
    cache.setListening(true);
    await Promise.all([cache.get(), cache.get(), cache.get()]);
    expect(state.loads).toBe(1);
  });

  it("does not keep a load that a change overtook", async () => {
    let loads = 0;
    let release!: () => void;
    const cache = new CatalogCache({
      load: async () => {
        const n = ++loads;
        if (n === 1) await new Promise<void>((r) => (release = r));
        return { version: String(n), products: [product(`v${n}`)] };
      },
      stockOf: () => Promise.resolve(new Map()),
    });
    cache.setListening(true);
    const first = cache.get();
    await Promise.resolve();
    cache.contentChanged("2"); // the catalog changed while the first load was reading it
    release();
    // The read that waited is answered with the newer catalog, not the overtaken one.
    expect((await first).products[0]?.name).toBe("v2");
    expect((await cache.get()).products[0]?.name).toBe("v2");
    expect(loads).toBe(2);
  });

  it("re-reads a stock change notified while a load was reading", async () => {
    const { state, loaders } = fakeDatabase();
    let release!: () => void;
    const load = () => loaders.load();
    const cache = new CatalogCache({
      ...loaders,
      load: async () => {
        const loaded = await load();
        await new Promise<void>((r) => (release = r));
        return loaded;
      },
    });
    cache.setListening(true);
    const first = cache.get();
    await new Promise((r) => setTimeout(r, 1));
    state.stock = 2; // committed after the load's snapshot
    cache.stockChanged([ID]);
    release();
    await first;
    expect((await cache.get()).products[0]?.stock_qty).toBe(2);
  });

  it("expires entries after its TTL, as a safety net", async () => {
    const { state, loaders } = fakeDatabase();
    const cache = new CatalogCache(loaders, 0);
    cache.setListening(true);
    await cache.get();
    await cache.get();
    expect(state.loads).toBe(2);
  });
});

describe("the catalog cache in the running app", () => {
  let db: TestDatabase;
  let app: ReturnType<typeof createInventoryApp>;
  beforeAll(async () => {
    db = await createTestDatabase();
    app = listeningApp(db.prisma, db.url);
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

  it("keeps the content version across stock changes, and moves it on a content change", async () => {
    const { id } = await db.prisma.product.create({
      data: { name: "Versioned jug", priceCents: 900, stockQty: 9 },
    });
    const version = async () =>
      (await db.prisma.$queryRaw<{ v: string }[]>`SELECT version::text AS v FROM catalog_version`)[0]?.v;
    const before = await version();
    await db.prisma.$executeRaw`UPDATE products SET stock_qty = stock_qty - 1 WHERE id = ${id}::uuid`;
    expect(await version()).toBe(before);
    await db.prisma.$executeRaw`UPDATE products SET name = 'Versioned jug II' WHERE id = ${id}::uuid`;
    expect(Number(await version())).toBe(Number(before) + 1);
    const started = Date.now();
    while (!(await catalog()).some((p) => p.name === "Versioned jug II")) {
      expect(Date.now() - started).toBeLessThan(2_000);
      await new Promise((r) => setTimeout(r, 5));
    }
  });

  describe("a search's kept matches", () => {
    type Found = Product & { description: string };
    const search = async (query: string) => {
      const res = await app.request(`/products?${query}`);
      return { body: (await res.json()) as Found[], link: res.headers.get("link") };
    };

    it("are searched once per content version: more views, pages and stock changes do not search again", async () => {
      const made = await Promise.all(
        [1, 2, 3, 4, 5].map((n) =>
          db.prisma.product.create({ data: { name: `Lacquer bowl ${n}`, priceCents: 100 * n, stockQty: n } }),
        ),
      );
      const first = await search("q=lacquer&limit=2");
      expect(first.body).toHaveLength(2);
      // Stock moved by another process (an order): the next view shows it, from the kept list.
      const shown = first.body[0]!;
      await db.prisma
        .$executeRaw`UPDATE products SET stock_qty = stock_qty + 10 WHERE id = ${shown.id}::uuid`;
      const started = Date.now();
      while ((await search("q=lacquer&limit=2")).body[0]?.stock_qty !== shown.stock_qty + 10) {
        expect(Date.now() - started).toBeLessThan(2_000);
        await new Promise((r) => setTimeout(r, 5));
      }
      // Paging the kept list gives every match once, in the database's order.
      const paged: string[] = [];
      let query: string | undefined = "q=lacquer&limit=2";
      while (query) {
        const page = await search(query);
        paged.push(...page.body.map((p) => p.id));
        query = page.link ? new URL(/<([^>]+)>/.exec(page.link)![1]!).search.slice(1) : undefined;
      }
      expect(paged.toSorted()).toEqual(made.map((p) => p.id).toSorted());
      expect(new Set(paged).size).toBe(5);
    });

    it("are retired by a content change made elsewhere: a renamed product is found by its new name", async () => {
      const { id } = await db.prisma.product.create({
        data: { name: "Glazed saucer", priceCents: 300, stockQty: 3 },
      });
      expect((await search("q=saucer")).body.map((p) => p.id)).toContain(id);
      await db.prisma.$executeRaw`UPDATE products SET name = 'Glazed platter' WHERE id = ${id}::uuid`;
      const started = Date.now();
      while ((await search("q=saucer")).body.some((p) => p.id === id)) {
        expect(Date.now() - started).toBeLessThan(2_000);
        await new Promise((r) => setTimeout(r, 5));
      }
      expect((await search("q=platter")).body.map((p) => p.id)).toEqual([id]);
      // Archived elsewhere: gone from the search too.
      await db.prisma.$executeRaw`UPDATE products SET archived_at = now() WHERE id = ${id}::uuid`;
      while ((await search("q=platter")).body.length > 0) {
        expect(Date.now() - started).toBeLessThan(4_000);
        await new Promise((r) => setTimeout(r, 5));
      }
    });

    it("answer more views and pages without searching again", async () => {
      // The same app over a client that counts the statements that search.
      let searched = 0;
      const counting = new Proxy(db.prisma, {
        get(target, prop, receiver) {
          const value: unknown = Reflect.get(target, prop, receiver);
          // Either raw path: tagged Sql ($queryRaw) or its text ($queryRawUnsafe, queryRows' fallback).
          if ((prop !== "$queryRaw" && prop !== "$queryRawUnsafe") || typeof value !== "function")
            return value;
          return (query: string | { sql?: string; strings?: readonly string[] }, ...rest: unknown[]) => {
            const text = typeof query === "string" ? query : (query.sql ?? query.strings?.join("?") ?? "");
            if (text.includes("catalog_search_query")) searched++;
            return (value as (...args: unknown[]) => unknown).call(target, query, ...rest);
          };
        },
      });
      const counted = listeningApp(counting, db.url);
      try {
        const view = async (query: string) => {
          for (let tries = 0; ; tries++) {
            const res = await counted.request(`/products?${query}`);
            if (res.status === 200 || tries > 200) return res;
            await new Promise((r) => setTimeout(r, 10));
          }
        };
        // Listening takes a moment; until then every view searches (two views, two searches).
        const started = Date.now();
        for (;;) {
          const before = searched;
          await view("q=lacquer&sort=price_asc&limit=2");
          await view("q=lacquer&sort=price_asc&limit=2");
          if (searched - before < 2) break;
          expect(Date.now() - started, `searches per two views: ${searched - before}`).toBeLessThan(20_000);
          await new Promise((r) => setTimeout(r, 20));
        }
        const before = searched;
        const first = (await (await view("q=lacquer&sort=price_asc&limit=2")).json()) as Found[];
        expect(first.map((p) => p.price_cents)).toEqual([100, 200]);
        const link = (await view("q=lacquer&sort=price_asc&limit=2")).headers.get("link")!;
        const second = (await (
          await view(new URL(/<([^>]+)>/.exec(link)![1]!).search.slice(1))
        ).json()) as Found[];
        expect(second.map((p) => p.price_cents)).toEqual([300, 400]);
        expect(searched).toBe(before);
        // A search the list does not serve (in stock only: stock moves it) goes to the database.
        await view("q=lacquer&sort=price_asc&limit=2&in_stock=true");
        expect(searched).toBe(before + 1);
      } finally {
        await counted.close();
      }
    }, 30_000);
  });

  it("shows a write through its own doors at once", async () => {
    const created = (await (
      await app.request("/products", {
        method: "POST",
        headers: asAdmin,
        body: JSON.stringify({ name: "Fresh teapot", price_cents: 100, stock_qty: 2 }),
      })
    ).json()) as Product;
    expect((await catalog()).map((p) => p.id)).toContain(created.id);
  });
});

describe("a catalog larger than Inventory holds", () => {
  let db: TestDatabase;
  let small: ReturnType<typeof createInventoryApp>;
  let large: ReturnType<typeof createInventoryApp>;
  beforeAll(async () => {
    db = await createTestDatabase();
    small = listeningApp(db.prisma, db.url);
    // The same catalog, held by neither this app nor any: at most 2 products are held.
    large = createInventoryApp({
      db: db.prisma,
      log: createLogger("inventory", "silent"),
      adminToken: ADMIN_TOKEN,
      serviceToken: "test-service-token-0123456789",
      listenUrl: db.url,
      catalogHoldAtMost: 2,
    });
  });
  afterAll(async () => {
    await Promise.all([small.close(), large.close()]);
    await db.drop();
  });

  it("is sent as PostgreSQL writes it, byte for byte what a held catalog sends", async () => {
    expect(await (await large.request("/products")).text()).toBe("[]");
    // Names JSON must escape, and text beyond ASCII.
    const names = ['Quote " mug', "Back\\slash bowl", "Tab\tand\nline jug", "Crème brûlée dish", "Teapot 🫖"];
    for (const [i, name] of names.entries()) {
      await db.prisma.product.create({ data: { name, priceCents: 100 + i, stockQty: i } });
    }
    const archived = await db.prisma.product.create({
      data: { name: "Gone cup", priceCents: 1, stockQty: 1 },
    });
    await db.prisma.product.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    const held = await small.request("/products");
    const streamed = await large.request("/products");
    expect(streamed.status).toBe(200);
    expect(streamed.headers.get("content-type")).toBe("application/json; charset=UTF-8");
    const text = await streamed.text();
    expect(text).toBe(await held.text());
    const sent = JSON.parse(text) as Product[];
    expect(sent.map((p) => p.name).sort()).toEqual([...names].sort());
    expect(text).toBe(JSON.stringify(sent));
  });

  it("is read by the gateway in slices by name, each taking up where the last left off", async () => {
    const slice = async (input: object) => {
      const res = await large.request(
        `/trpc/products.catalogSlice?input=${encodeURIComponent(JSON.stringify(input))}`,
      );
      return {
        status: res.status,
        body: (await res.json()) as { result: { data: { products: Product[]; next: string | null } } },
      };
    };
    for (const name of ["Slice ash", "Slice birch", "Slice cedar"]) {
      await db.prisma.product.create({ data: { name, priceCents: 100, stockQty: 1 } });
    }
    const read: Product[] = [];
    let after: string | null | undefined;
    do {
      const { status, body } = await slice(after ? { after, limit: 2 } : { limit: 2 });
      expect(status).toBe(200);
      expect(body.result.data.products.length).toBeLessThanOrEqual(2);
      read.push(...body.result.data.products);
      after = body.result.data.next;
    } while (after);
    expect(read).toEqual((await (await large.request("/products")).json()) as Product[]);
    // The conditional read says it is too large, and reads none of it.
    const catalog = await large.request(`/trpc/products.catalog?input=${encodeURIComponent("{}")}`);
    expect(((await catalog.json()) as { result: { data: unknown } }).result.data).toMatchObject({
      products: null,
      stock: null,
      oversized: true,
    });
    // A cursor it did not make, or a slice too large, is the caller's mistake.
    expect((await slice({ after: "bm90LWEtY3Vyc29y" })).status).toBe(400);
    expect((await slice({ limit: 1_001 })).status).toBe(400);
  });

  it("answers both tRPC doors in full, without holding it", async () => {
    const list = await large.request("/trpc/products.list");
    const body = (await list.json()) as { result: { data: Product[] } };
    expect(body.result.data.length).toBeGreaterThan(2);
    const watch = await large.request(
      `/trpc/products.catalogChanges?input=${encodeURIComponent(JSON.stringify({ since: "", waitMs: 0 }))}`,
    );
    expect(((await watch.json()) as { result: { data: { version: string } } }).result.data.version).toMatch(
      /:unloaded$/,
    );
  });
});

describe("a page asked for with a content version this replica has not heard of", () => {
  // Listening, but to another database: this one's changes never reach it,
  // as a notification not yet arrived would not.
  let db: TestDatabase;
  let elsewhere: TestDatabase;
  let app: ReturnType<typeof createInventoryApp>;
  beforeAll(async () => {
    [db, elsewhere] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    app = listeningApp(db.prisma, elsewhere.url);
  });
  afterAll(async () => {
    await app.close();
    await Promise.all([db.drop(), elsewhere.drop()]);
  });

  const search = async (q: string, contentVersion?: string) => {
    const input = JSON.stringify({
      limit: 24,
      q,
      ...(contentVersion ? { content_version: contentVersion } : {}),
    });
    const res = await app.request(`/trpc/products.page?input=${encodeURIComponent(input)}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { data: { items: Product[] } } };
    return body.result.data.items.map((p) => p.name);
  };

  it("reads the search's matches from the database, not those kept for the older content", async () => {
    const { id } = await db.prisma.product.create({
      data: { name: "Walnut Tray", priceCents: 900, stockQty: 3 },
    });
    // Behind this replica's back: it does not hear of this rename.
    const renameUnheard = () =>
      db.prisma.$executeRaw`UPDATE products SET name = 'Cherry Tray' WHERE id = ${id}::uuid`;
    // Through this replica: a write drops what it keeps, so the next try
    // starts from nothing kept, even if the listener connected mid-try.
    const renameBack = async () => {
      const res = await app.request(`/products/${id}`, {
        method: "PATCH",
        headers: asAdmin,
        body: JSON.stringify({ name: "Walnut Tray" }),
      });
      expect(res.status).toBe(200);
    };
    // Once the listener is connected, a search's matches are kept: after a
    // rename this replica does not hear of, the old matches answer (the
    // product, under its new name). Until then every search reads them.
    let kept: string[] = [];
    for (let tries = 0; tries < 100 && kept[0] !== "Cherry Tray"; tries++) {
      expect(await search("walnut")).toEqual(["Walnut Tray"]);
      await renameUnheard();
      kept = await search("walnut");
      if (kept[0] !== "Cherry Tray") {
        await renameBack();
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    expect(kept).toEqual(["Cherry Tray"]);
    const rows = await db.prisma.$queryRaw<{ v: string }[]>`SELECT version::text AS v FROM catalog_version`;
    const v = rows[0]!.v;
    // With the database's content version: read from the database, no walnut any more.
    expect(await search("walnut", v)).toEqual([]);
    // A version no newer than this replica's own changes nothing: the kept matches still answer.
    expect(await search("walnut", "0")).toEqual(["Cherry Tray"]);
  });
});
