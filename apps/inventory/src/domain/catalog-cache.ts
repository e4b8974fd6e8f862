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

  constructor(
    private readonly load: () => Promise<Product[]>,
    private readonly ttlMs = 30_000,
  ) {}

  async get(): Promise<CachedCatalog> {
    const version = this.version;
    const entry = this.entry;
    if (this.listening && entry && entry.version === version && Date.now() - entry.loadedAt < this.ttlMs) {
      return entry.catalog;
    }
    // Concurrent misses share one load.
    if (this.pending?.version === version) return this.pending.promise;
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
    this.version++;
    this.entry = undefined;
  }

  /** Whether change notifications arrive; without them nothing is served from memory. */
  setListening(listening: boolean): void {
    this.listening = listening;
    this.invalidate();
  }
}
