import { randomUUID } from "node:crypto";
import type { Product } from "@shop/contracts";

export interface CachedCatalog {
  /** This process's id and its change count: equal versions mean the same catalog. */
  version: string;
  products: Product[];
  /** The catalog as the JSON GET /products sends, serialised once per load. */
  json: string;
}

/**
 * The catalog in memory. Correctness comes from invalidation, not from the
 * TTL: every change to `products` (by this service, by Orders, by psql)
 * fires a PostgreSQL notification (see the notify_product_changes
 * migration) and `invalidate()` drops the cache, so the next read sees it.
 * The cache only serves while the listener is connected; the TTL is a
 * safety net should a notification ever be lost.
 */
export class CatalogCache {
  private version = 0;
  private readonly instance = randomUUID();
  private entry: { version: number; loadedAt: number; catalog: CachedCatalog } | undefined;
  private pending: { version: number; promise: Promise<CachedCatalog> } | undefined;
  private listening = false;
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly load: () => Promise<Product[]>,
    private readonly ttlMs = 30_000,
  ) {}

  /** The version a read now would carry: this process's id and its change count. */
  currentVersion(): string {
    return `${this.instance}:${this.version}`;
  }

  async get(): Promise<CachedCatalog> {
    const entry = this.entry;
    const current = entry?.version === this.version ? entry : undefined;
    if (this.listening && current && Date.now() - current.loadedAt < this.ttlMs) return current.catalog;
    // Concurrent misses share one load.
    if (this.listening && this.pending?.version === this.version) return this.pending.promise;
    // A reload after the TTL, or any read while no notifications arrive, may
    // see changes nobody announced: it gets a version of its own, so whoever
    // compares versions (the gateway) sees the change.
    if (current || !this.listening) this.bump();

    const version = this.version;
    const promise = this.load().then((products) => {
      const catalog = { version: `${this.instance}:${version}`, products, json: JSON.stringify(products) };
      // A change notified while we were loading makes this result stale: serve it to
      // the requests that waited for it, but do not keep it.
      if (this.version === version) this.entry = { version, loadedAt: Date.now(), catalog };
      return catalog;
    });
    this.pending = { version, promise };
    try {
      return await promise;
    } finally {
      if (this.pending?.promise === promise) this.pending = undefined;
    }
  }

  invalidate(): void {
    this.entry = undefined;
    this.bump();
  }

  /** Whether change notifications arrive; without them nothing is served from memory. */
  setListening(listening: boolean): void {
    this.listening = listening;
    this.invalidate();
  }

  /**
   * Resolves with the current version as soon as it differs from `since`, or
   * after `waitMs` with it unchanged: a long poll, so the gateway learns of
   * a change the moment it happens instead of asking on every request.
   */
  waitForChange(since: string, waitMs: number): Promise<string> {
    if (since !== this.currentVersion()) return Promise.resolve(this.currentVersion());
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve(this.currentVersion());
      };
      const timer = setTimeout(done, waitMs);
      this.waiters.add(done);
    });
  }

  private bump(): void {
    this.version++;
    for (const wake of [...this.waiters]) wake();
  }
}
