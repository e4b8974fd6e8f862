import type { CatalogPage, CatalogPageInput } from "@shop/contracts";
import { LRUCache } from "lru-cache";

/** How many pages are kept (each ~24 products): the first pages of the common queries, not the catalog. */
const MAX_PAGES = 500;
/** How many recent changes are kept to check a page that was being fetched while they were heard. */
const MAX_CHANGES = 256;

/** What a change touches: products (by id), or everything. */
type Change =
  | { kind: "stock"; ids: ReadonlySet<string> }
  | { kind: "sold-out"; ids: ReadonlySet<string> }
  | { kind: "all" };

interface Entry {
  page: CatalogPage;
  ids: ReadonlySet<string>;
  /** Made by which products are sold out anywhere (the shelf order, in-stock only). */
  bySoldOut: boolean;
}

/**
 * Catalog pages (Inventory's `products.page` answers) kept in the gateway and
 * dropped per product, so a page read again costs no call to Inventory and no
 * query in PostgreSQL, and an order drops only the pages it shows:
 *
 * - a stock change drops the pages that show one of those products (each
 *   shows its stock level);
 * - a product running out or coming back (its `sold_out` flips) also drops
 *   every page made by which products are sold out: the shelf order (sold-out
 *   products last, the default `name` sort) and in-stock-only pages, whose
 *   products and totals that moves; a sale that leaves stock above zero does not;
 * - a content change (a product added, edited, archived; its pictures) drops all.
 *
 * The changes come from PostgreSQL's notifications (the products triggers,
 * `listenForProductChanges`), milliseconds after their commit: that is how
 * long a page can be older than the database, as with Inventory's own cache.
 * Nothing is kept while the listener is not connected. A page fetched while
 * a change that touches it was heard is answered but not kept (it may have
 * been read before that change).
 */
export class CatalogPages {
  // Least recently used goes first. A Map reordered by delete-and-set on every
  // hit rehashed its table every few hits, and each table outlived V8's young
  // collections; lru-cache keeps the order beside the Map.
  private readonly entries = new LRUCache<string, Entry>({ max: MAX_PAGES });
  private listening = false;
  /** Changes heard so far; `changes` holds the last MAX_CHANGES of them, the newest last. */
  private heardCount = 0;
  private readonly changes: Change[] = [];
  /** The newest catalog content version heard of. */
  private content: string | undefined;

  /**
   * The page for `input`: kept, or fetched with `fetch` (and kept if nothing
   * it shows changed meanwhile). `fetch` gets the newest content version
   * heard of, to send along: Inventory hears the same notification on a
   * connection of its own, maybe a moment later, and must not answer a
   * search from its matches of the content before.
   */
  async get(
    input: CatalogPageInput,
    fetch: (contentVersion: string | undefined) => Promise<CatalogPage>,
  ): Promise<CatalogPage> {
    if (!this.listening) return fetch(this.content);
    const key = keyOf(input);
    const kept = this.entries.get(key);
    if (kept) return kept.page;
    const heardBefore = this.heardCount;
    const page = await fetch(this.content);
    const entry: Entry = {
      page,
      ids: new Set(page.items.map((p) => p.id)),
      bySoldOut: input.in_stock === true || input.in_stock === "true" || input.sort === "name",
    };
    if (this.listening && this.untouchedSince(heardBefore, entry)) this.entries.set(key, entry);
    return page;
  }

  /** Stock of these products moved ("all": of too many to name). */
  stockChanged(ids: readonly string[] | "all"): void {
    this.hear(ids === "all" ? { kind: "all" } : { kind: "stock", ids: new Set(ids) });
  }

  /** These products ran out or came back ("all": too many to name). */
  soldOutChanged(ids: readonly string[] | "all"): void {
    this.hear(ids === "all" ? { kind: "all" } : { kind: "sold-out", ids: new Set(ids) });
  }

  /**
   * Products were added, edited or archived, to content `version` (or a
   * write went through this gateway: no version): drop every page.
   */
  contentChanged(version?: string): void {
    if (version !== undefined && (this.content === undefined || Number(version) > Number(this.content))) {
      this.content = version;
    }
    this.hear({ kind: "all" });
  }

  /** Whether change notifications arrive; without them every page is fetched. */
  setListening(listening: boolean): void {
    this.listening = listening;
    this.hear({ kind: "all" });
  }

  /** How many pages are kept now. */
  get size(): number {
    return this.entries.size;
  }

  private hear(change: Change): void {
    this.heardCount++;
    this.changes.push(change);
    if (this.changes.length > MAX_CHANGES) this.changes.shift();
    if (change.kind === "all") {
      this.entries.clear();
      return;
    }
    const touched = [...this.entries.entries()].filter(([, entry]) => touches(change, entry));
    for (const [key] of touched) this.entries.delete(key);
  }

  /** Whether no change heard after the first `heardBefore` touches `entry`. */
  private untouchedSince(heardBefore: number, entry: Entry): boolean {
    const since = this.heardCount - heardBefore;
    if (since === 0) return true;
    if (since > this.changes.length) return false; // older than the changes still kept
    return this.changes.slice(-since).every((change) => !touches(change, entry));
  }
}

function touches(change: Change, entry: Entry): boolean {
  if (change.kind === "all") return true;
  if (change.kind === "sold-out" && entry.bySoldOut) return true;
  for (const id of change.ids) if (entry.ids.has(id)) return true;
  return false;
}

/** The same query, the same key (its fields in one order, defaults spelled out). */
function keyOf(input: CatalogPageInput): string {
  return JSON.stringify([
    input.limit ?? null,
    input.cursor ?? null,
    input.q ?? null,
    input.sort ?? null,
    input.in_stock ?? null,
    input.with_total ?? null,
  ]);
}
