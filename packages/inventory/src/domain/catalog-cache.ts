import { createHash } from "node:crypto";
import type { Product } from "@shop/contracts";
import { jsonBytes } from "@shop/service";

/** What a full load reads, in one statement (one snapshot): the database's content version and the products. */
export interface LoadedCatalog {
  version: string;
  products: Product[];
}

/** A load bounded by `atMost` that found more products: only the content version it is at. */
export interface OversizedCatalog {
  version: string;
  products?: undefined;
}

/**
 * How many products the catalog may have for Inventory to hold it in memory.
 * A product held costs ~300 bytes (its object, its strings, its index entry,
 * its JSON): 10,000 are ~3 MiB. A larger catalog is read from the database
 * when asked for whole, never held (a shop that large is browsed by pages).
 */
export const CATALOG_HOLD_AT_MOST = 10_000;

export interface CatalogLoaders {
  /**
   * The whole catalog and the content version it is at. Given `atMost`, a
   * catalog of more products than that comes back without them (one more
   * row is read, not the rest).
   */
  load(atMost?: number): Promise<LoadedCatalog | OversizedCatalog>;
  /** Stock levels now, of these products (archived ones are simply absent). */
  stockOf(ids: readonly string[]): Promise<Map<string, number>>;
}

export interface CachedCatalog {
  /** The catalog's content version, from the database: equal on every replica for the same content. */
  version: string;
  /** A digest of the stock levels: equal on every replica for the same stock. */
  stockStamp: string;
  products: Product[];
  /**
   * The catalog as the JSON GET /products sends, serialised and encoded once
   * per change, when first asked for: sending a kept string measured and
   * encoded it again for every response, and the tRPC doors (the gateway's
   * conditional reads, after every stock change) never send these bytes.
   */
  readonly body: Uint8Array<ArrayBuffer>;
}

/**
 * The catalog in memory, content and stock kept apart:
 *
 * - Content (what products there are, their names and prices) is cached at
 *   the database's content version (table catalog_version, bumped by the
 *   products triggers in the same transaction as the change). A
 *   `catalog_content_changed` notification names the new version; the next
 *   read reloads. Every replica reads the same version for the same content.
 * - Stock changes (every order) arrive as `product_stock_changed` with the
 *   product ids: only those products' stock levels are re-read, by the next
 *   read; the content stays cached and the version does not move, so an
 *   order neither reloads the catalog nor wakes the gateway's watch.
 *
 * The cache only serves while the listener is connected; the TTL is a
 * safety net should a notification ever be lost.
 *
 * A catalog of more than `holdAtMost` products (CATALOG_HOLD_AT_MOST) is not
 * held: held() says so, without reading it, and get() reads it whole for
 * each caller, keeping nothing. So no process holds a large catalog as
 * objects; GET /products sends it as PostgreSQL writes it (products.ts).
 */
export class CatalogCache {
  /** The newest content version heard of (a notification, or a load). */
  private known = 0;
  /** Bumped on listener loss and explicit invalidation: an entry from before is not served. */
  private epoch = 0;
  private entry:
    | {
        version: number;
        epoch: number;
        loadedAt: number;
        products: Product[];
        indexById: Map<string, number>;
      }
    | undefined;
  /** Set when a load found more products than are held: at that content version, nothing is held. */
  private oversized: { version: number; epoch: number; at: number } | undefined;
  private pendingLoad: { key: string; promise: Promise<void> } | undefined;
  /** Products whose stock changed since it was read; "all" after a "*" notification. */
  private staleStock: Set<string> | "all" = new Set();
  private pendingStock: Promise<void> | undefined;
  private serialised: (KeptBody & { of: Product[]; dirty: boolean; stamp: string }) | undefined;
  private listening = false;
  private readonly waiters = new Set<() => void>();
  /** Counts wake-ups: a change heard while a poll was still reading is not missed. */
  private wakes = 0;

  private readonly loaders: CatalogLoaders;
  private readonly ttlMs: number;
  private readonly holdAtMost: number;
  constructor(loaders: CatalogLoaders, ttlMs = 30_000, holdAtMost = CATALOG_HOLD_AT_MOST) {
    this.loaders = loaders;
    this.ttlMs = ttlMs;
    this.holdAtMost = holdAtMost;
  }

  /** The content version as the database last told it (a notification, or a load). */
  contentVersion(): string {
    return String(this.known);
  }

  /**
   * What a cache of content-derived answers (search matches) may be stamped
   * with: the content version and the invalidation epoch, or undefined while
   * change notifications do not arrive (then nothing may be served from memory).
   */
  servingStamp(): string | undefined {
    return this.listening ? `${this.known}:${this.epoch}` : undefined;
  }

  /** The whole catalog: as held, or (larger than is held) read for this caller alone. */
  async get(): Promise<CachedCatalog> {
    const held = await this.held();
    if (held) return held;
    const loaded = await this.loaders.load();
    if (!loaded.products) throw new Error("a catalog load without a bound came back without products");
    return this.fresh(loaded);
  }

  /**
   * The catalog as held in memory (loaded first if need be), or undefined
   * when it has more products than are held: then nothing was read but one
   * row past the bound.
   */
  async held(): Promise<CachedCatalog | undefined> {
    if (!this.listening) return this.bounded(await this.loaders.load(this.holdAtMost));
    if (this.isOversized()) return undefined;
    let entry = this.entry;
    const usable = entry && this.holds() && Date.now() - entry.loadedAt < this.ttlMs;
    if (!usable) {
      await this.reload();
      // Overtaken by a change while loading: load once more, then give up caching.
      if (!this.entry && !this.isOversized()) await this.reload();
      if (this.isOversized()) return undefined;
      entry = this.entry;
      if (!entry) return this.bounded(await this.loaders.load(this.holdAtMost));
    } else if (this.staleStock === "all" || this.staleStock.size > 0) {
      await this.refreshStock();
    }
    return this.view(entry!.products, entry!.version);
  }

  /** A content change (the version the notification carries; none: just reload). */
  contentChanged(version?: string): void {
    const v = version === undefined ? Number.NaN : Number(version);
    if (Number.isFinite(v)) {
      if (v > this.known) {
        this.known = v;
        this.wake();
      }
    } else {
      this.invalidate();
    }
  }

  /** Stock of these products moved ("*": of many). */
  stockChanged(ids: readonly string[] | "all"): void {
    if (ids === "all" || this.staleStock === "all") this.staleStock = "all";
    else for (const id of ids) this.staleStock.add(id);
    this.wake();
  }

  /** Drop everything held: the next read loads again. */
  invalidate(): void {
    this.epoch++;
    this.entry = undefined;
  }

  /** Whether change notifications arrive; without them nothing is served from memory. */
  setListening(listening: boolean): void {
    this.listening = listening;
    this.invalidate();
  }

  /**
   * A long poll for the gateway: resolves with the catalog's watch version
   * (`<content version>:<stock stamp>`, equal on every replica for the same
   * catalog) as soon as it differs from `since`, or after `waitMs` with it
   * unchanged. A stock change moves only the stamp, and what the gateway then
   * fetches is the stock levels, not the catalog.
   */
  async waitForChange(since: string, waitMs: number): Promise<string> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const wakesBefore = this.wakes;
      const now = await this.watchVersion();
      if (now !== since) return now;
      // A change arrived while reading: look again rather than wait for the next one.
      if (this.wakes !== wakesBefore) continue;
      const left = deadline - Date.now();
      if (left <= 0) return now;
      // Woken by a change that leaves the version as it was (a stock change
      // while no catalog is held here): wait on, do not answer "unchanged"
      // early, or the watcher would ask again at once, once per order.
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, left);
        this.waiters.add(done);
      });
    }
  }

  private async watchVersion(): Promise<string> {
    // Content changed since the catalog was last loaded (or it never was):
    // say so without loading it. At 100,000 products a load holds ~100 MiB
    // (the objects, and their JSON once GET /products asks), and a watching
    // gateway only needs to know that it moved; it asks for the catalog when
    // a client next reads it, and that load wakes the watch again (reload)
    // with the full version.
    if (this.listening && !this.holds()) {
      return `${this.known}:unloaded`;
    }
    const current = await this.get();
    return `${current.version}:${current.stockStamp}`;
  }

  /** Whether the last load found more products than are held, at the content version known now. */
  private isOversized(): boolean {
    const o = this.oversized;
    return (
      o !== undefined && o.version >= this.known && o.epoch === this.epoch && Date.now() - o.at < this.ttlMs
    );
  }

  /** Whether the catalog held is at content `version` or newer, loaded in this invalidation epoch. */
  private holds(version = this.known): boolean {
    const entry = this.entry;
    return entry !== undefined && entry.version >= version && entry.epoch === this.epoch;
  }

  private wake(): void {
    this.wakes++;
    for (const wake of [...this.waiters]) wake();
  }

  private reload(): Promise<void> {
    // Concurrent misses share one load.
    const key = `${this.known}:${this.epoch}`;
    if (this.pendingLoad?.key === key) return this.pendingLoad.promise;
    const epoch = this.epoch;
    // Stock notifications from now on may describe changes the load does not
    // see: they stay in staleStock and are re-read by the next get().
    this.staleStock = new Set();
    const promise = this.loaders.load(this.holdAtMost).then((loaded) => {
      const version = Number(loaded.version);
      if (version > this.known) this.known = version;
      // A change notified while we were loading makes this result stale: do not keep it.
      if (epoch !== this.epoch || version < this.known) return;
      if (!loaded.products) {
        this.entry = undefined;
        this.oversized = { version, epoch, at: Date.now() };
      } else {
        this.oversized = undefined;
        const wasUnloaded = !this.holds(version);
        this.entry = {
          version,
          epoch,
          loadedAt: Date.now(),
          products: loaded.products,
          indexById: new Map(loaded.products.map((p, i) => [p.id, i])),
        };
        // A watch told "unloaded" (watchVersion) learns the full version now.
        if (wasUnloaded) this.wake();
      }
    });
    this.pendingLoad = { key, promise };
    return promise.finally(() => {
      if (this.pendingLoad?.promise === promise) this.pendingLoad = undefined;
    });
  }

  private refreshStock(): Promise<void> {
    if (this.pendingStock) return this.pendingStock;
    const entry = this.entry;
    if (!entry) return Promise.resolve();
    const stale = this.staleStock;
    // Cleared before reading: a change notified during the read is read next time.
    this.staleStock = new Set();
    const ids = stale === "all" ? entry.products.map((p) => p.id) : [...stale];
    const promise = this.loaders
      .stockOf(ids)
      .then((levels) => {
        for (const [id, qty] of levels) {
          const i = entry.indexById.get(id);
          const product = i === undefined ? undefined : entry.products[i];
          if (product && product.stock_qty !== qty) {
            entry.products[i!] = { ...product, stock_qty: qty };
            if (this.serialised?.of === entry.products) this.serialised.dirty = true;
          }
        }
      })
      .catch((err: unknown) => {
        this.stockChanged(stale === "all" ? "all" : [...stale]);
        throw err;
      })
      .finally(() => {
        this.pendingStock = undefined;
      });
    this.pendingStock = promise;
    return promise;
  }

  private view(products: Product[], version: number): CachedCatalog {
    let s = this.serialised;
    if (!s || s.of !== products || s.dirty) {
      s = { of: products, dirty: false, stamp: stockStamp(products) };
      this.serialised = s;
    }
    return new CatalogAnswer(String(version), s.stamp, products, s);
  }

  /** A bounded load's answer, not kept: undefined when the catalog is larger than is held. */
  private bounded(loaded: LoadedCatalog | OversizedCatalog): CachedCatalog | undefined {
    if (loaded.products) return this.fresh(loaded);
    this.heard(loaded.version);
    return undefined;
  }

  private heard(version: string): void {
    const v = Number(version);
    if (v > this.known) {
      this.known = v;
      this.wake();
    }
  }

  private fresh(loaded: LoadedCatalog): CachedCatalog {
    this.heard(loaded.version);
    return new CatalogAnswer(loaded.version, stockStamp(loaded.products), loaded.products, {});
  }
}

/** Where an answer's bytes are kept once encoded: per change while the catalog is held. */
interface KeptBody {
  body?: Uint8Array<ArrayBuffer>;
}

/**
 * One answer of the cache. A class, so that `body` is its prototype's getter,
 * shared by every answer: a getter in an object literal is a closure made per
 * answer, held by an accessor record V8 allocates in its old generation,
 * which kept each request's objects alive through the young collections.
 */
class CatalogAnswer implements CachedCatalog {
  readonly version: string;
  readonly stockStamp: string;
  readonly products: Product[];
  readonly #kept: KeptBody;

  constructor(version: string, stockStamp: string, products: Product[], kept: KeptBody) {
    this.version = version;
    this.stockStamp = stockStamp;
    this.products = products;
    this.#kept = kept;
  }

  get body(): Uint8Array<ArrayBuffer> {
    return (this.#kept.body ??= jsonBytes(this.products));
  }
}

/** A digest of every product's stock level, in catalog order. */
export function stockStamp(products: readonly Product[]): string {
  const hash = createHash("sha1");
  for (const p of products) hash.update(`${p.id}:${p.stock_qty};`);
  return hash.digest("base64url").slice(0, 16);
}
