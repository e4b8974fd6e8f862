import type { CursorKey } from "./catalog-cursor.ts";

/**
 * Every match of a search, in its order, kept per catalog content version:
 * which products match a search and in what order depends on their content
 * only (names, descriptions, SKUs, prices, archiving), never on stock, so an
 * order leaves these lists valid and a content change (a new version, heard
 * through the catalog cache's notifications) retires them all. A page then
 * reads only its own rows, by id, with their stock as it is now; the
 * full-text match and ranking run once per search and version, not once per
 * page view.
 *
 * Only searches whose order is content-only are kept: relevance, price and
 * newest, without in_stock (the shelf's sold-out-last order and the in-stock
 * filter move with stock; those go to the database each time).
 */
export interface SearchMatches {
  /** The serving stamp the list was read at (CatalogCache.servingStamp). */
  stamp: string;
  ids: string[];
  /** Each match's keyset key, as its page cursor names it. */
  keys: CursorKey[];
  /** Position of each id in `ids`. */
  at: Map<string, number>;
}

/** A list this long is not kept (a search that matches most of the catalog says little). */
export const MAX_KEPT_MATCHES = 20_000;
const MAX_SEARCHES = 256;

export class SearchMatchesCache {
  private readonly lists = new Map<string, SearchMatches>();
  private readonly stamp: () => string | undefined;

  constructor(stamp: () => string | undefined) {
    this.stamp = stamp;
  }

  /** The stamp a list read now would carry; undefined: do not keep or serve lists now. */
  current(): string | undefined {
    return this.stamp();
  }

  get(search: string): SearchMatches | undefined {
    const list = this.lists.get(search);
    if (!list) return undefined;
    if (list.stamp !== this.stamp()) {
      this.lists.delete(search);
      return undefined;
    }
    // Least recently used goes first: a hit moves to the end.
    this.lists.delete(search);
    this.lists.set(search, list);
    return list;
  }

  /** The list, kept when it may be (the stamp still current, not too long): returned either way. */
  set(search: string, stamp: string, ids: string[], keys: CursorKey[]): SearchMatches {
    const list = { stamp, ids, keys, at: new Map(ids.map((id, i) => [id, i])) };
    if (ids.length > MAX_KEPT_MATCHES || stamp !== this.stamp()) return list;
    if (this.lists.size >= MAX_SEARCHES) {
      const oldest = this.lists.keys().next().value;
      if (oldest !== undefined) this.lists.delete(oldest);
    }
    this.lists.set(search, list);
    return list;
  }
}
