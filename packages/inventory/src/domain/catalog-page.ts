import type { CatalogPage, CatalogPageQuery, ProductDetail } from "@shop/contracts";
import { Prisma, queryRows, type PrismaClient } from "@shop/db";
import { databaseSpan } from "@shop/service";
import {
  decodeCursor,
  encodeCursor,
  filtersFingerprint,
  type CursorKey,
  type SortOrder,
} from "./catalog-cursor.ts";
import { imagesColumn, imagesFromColumn } from "./product-images.ts";
import type { SearchMatches, SearchMatchesCache } from "./search-matches.ts";

/**
 * One page of the catalog, keyset-paged: each page starts after the last
 * row of the one before, `WHERE (key, id) > (last key, last id)`, on an index
 * that ends in id (see the catalog migration), so page 400 costs what page 1
 * does, and rows inserted or archived between two reads never make a page
 * repeat or skip a product that was there all along.
 *
 * Search matches name, description and SKU by full text, every word of the
 * query (English stemming, accents folded), on products' GIN index. Typos
 * are read in the database by catalog_search_query (the search lexicon
 * migration): a word the catalog does not use also stands for the catalog's
 * word most like it ("teapto" finds "Teapot"). Best match first unless a
 * sort is asked for: the full-text rank, name and SKU weighing more than the
 * description, plus how alike the name is to what was typed.
 */

export interface PageScope {
  /** The admin's list: archived products too. */
  includeArchived?: boolean;
  /** The order without a search or a sort ("name" for the shop, "newest" for the admin). */
  defaultSort?: Exclude<SortOrder, "relevance">;
  /** Where a search's matches are kept between pages and views (absent: every page searches). */
  searches?: SearchMatchesCache | undefined;
}

interface PageRow {
  id: string;
  name: string;
  price_cents: number;
  stock_qty: number;
  description: string;
  sku: string | null;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
  score: number | null;
  images: Parameters<typeof imagesFromColumn>[0];
}

export type CatalogRow = Omit<PageRow, "images"> & { images: ProductDetail["images"] };

/** The product columns a page row carries (PageRow's, but the score and the pictures). */
const PAGE_COLUMNS = Prisma.sql`p.id, p.name, p.price_cents, p.stock_qty, p.description, p.sku,
  p.archived_at, p.created_at, p.updated_at`;

/**
 * The shop's name order: what can be bought first, then what is sold out,
 * each by name (the column's "shop_name" collation: as people sort names).
 * products_shelf_idx is this order over the products on sale. A list with
 * archived products in it sorts by name alone.
 */
const SHELF_SQL = {
  order: Prisma.sql`p.sold_out ASC, p.name ASC, p.id ASC`,
  after: (at: CursorKey) =>
    Prisma.sql`(p.sold_out, p.name, p.id) > (${at.soldOut ?? false}::boolean, ${at.key}::text, ${at.id}::uuid)`,
};

const SORT_SQL: Record<SortOrder, { order: Prisma.Sql; after: (at: CursorKey) => Prisma.Sql }> = {
  name: {
    order: Prisma.sql`p.name ASC, p.id ASC`,
    after: (at) => Prisma.sql`(p.name, p.id) > (${at.key}::text, ${at.id}::uuid)`,
  },
  price_asc: {
    order: Prisma.sql`p.price_cents ASC, p.id ASC`,
    after: (at) => Prisma.sql`(p.price_cents, p.id) > (${at.key}::int, ${at.id}::uuid)`,
  },
  price_desc: {
    order: Prisma.sql`p.price_cents DESC, p.id DESC`,
    after: (at) => Prisma.sql`(p.price_cents, p.id) < (${at.key}::int, ${at.id}::uuid)`,
  },
  newest: {
    order: Prisma.sql`p.created_at DESC, p.id DESC`,
    after: (at) => Prisma.sql`(p.created_at, p.id) < (${at.key}::timestamptz, ${at.id}::uuid)`,
  },
  relevance: {
    order: Prisma.sql`score DESC, p.id ASC`,
    after: (at) =>
      Prisma.sql`(score < ${at.key}::float8 OR (score = ${at.key}::float8 AND p.id > ${at.id}::uuid))`,
  },
};

type KeyedRow = Pick<PageRow, "id" | "name" | "price_cents" | "stock_qty" | "created_at" | "score">;

function keyOf(sort: SortOrder, row: KeyedRow, shelf: boolean): CursorKey {
  switch (sort) {
    case "name":
      return shelf
        ? { key: row.name, id: row.id, soldOut: row.stock_qty <= 0 }
        : { key: row.name, id: row.id };
    case "price_asc":
    case "price_desc":
      return { key: row.price_cents, id: row.id };
    case "newest":
      return { key: row.created_at.toISOString(), id: row.id };
    case "relevance":
      return { key: row.score ?? 0, id: row.id };
  }
}

/**
 * A statement of this file, straight to the pg pool under Prisma's client
 * (queryRows), with a span of its own: a page is the catalog's hottest read,
 * and Prisma's raw-query path added ~20% to Inventory's CPU per page (its
 * parameter and row conversions). Prisma's Sql renders `$1`-style text; pg
 * returns the same JavaScript values for these columns (uuid and text as
 * strings, int4 and float8 as numbers, timestamptz as Date, json parsed).
 */
const rowsOf = <Row>(db: PrismaClient, sql: Prisma.Sql): Promise<Row[]> =>
  queryRows<Row>(db, sql.text, sql.values, (run) => databaseSpan("SELECT", "products", run));

export async function listCatalogPage(
  db: PrismaClient,
  input: CatalogPageQuery,
  scope: PageScope = {},
): Promise<CatalogPage & { rows: CatalogRow[] }> {
  const q = input.q?.trim() ? input.q.trim() : undefined;
  const sort: SortOrder = input.sort ?? (q ? "relevance" : (scope.defaultSort ?? "name"));
  const fingerprint = filtersFingerprint([
    q ?? null,
    input.in_stock ?? false,
    scope.includeArchived ?? false,
  ]);
  const after = input.cursor ? decodeCursor(input.cursor, sort, fingerprint) : undefined;

  const filters: Prisma.Sql[] = [];
  if (!scope.includeArchived) filters.push(Prisma.sql`p.archived_at IS NULL`);
  if (input.in_stock) filters.push(Prisma.sql`p.stock_qty > 0`);
  if (q) filters.push(Prisma.sql`p.search_vector @@ s.query`);
  const where = filters.length > 0 ? Prisma.join(filters, " AND ") : Prisma.sql`TRUE`;
  // MATERIALIZED: the query is built once, not once per product it is ranked against.
  const search = q
    ? Prisma.sql`WITH s AS MATERIALIZED (
        SELECT catalog_search_query(${q}) AS query, lower(unaccent(${q})) AS text)`
    : Prisma.empty;
  const from = q ? Prisma.sql`products p, s` : Prisma.sql`products p`;
  // ts_rank, not ts_rank_cd: the same order here at a third of the cost per match.
  const score = q
    ? Prisma.sql`(ts_rank(p.search_vector, s.query) + word_similarity(s.text, p.search_text))::float8`
    : Prisma.sql`NULL::float8`;
  const shelf = sort === "name" && !scope.includeArchived;
  const { order, after: afterSql } = shelf ? SHELF_SQL : SORT_SQL[sort];

  // A search in an order of content alone: its matches come from (or go
  // into) the matches cache, and the page reads only its own rows.
  if (q && scope.searches && !shelf && !input.in_stock) {
    const key = JSON.stringify([q, sort, scope.includeArchived ?? false]);
    let matches = scope.searches.get(key);
    if (!matches) {
      const stamp = scope.searches.current();
      if (stamp !== undefined) {
        const all = await rowsOf<KeyedRow>(
          db,
          Prisma.sql`
          ${search}
          SELECT * FROM (
            SELECT p.id, p.name, p.price_cents, p.stock_qty, p.created_at, ${score} AS score
              FROM ${from}
             WHERE ${where}
          ) p
          ORDER BY ${order}`,
        );
        const ids = all.map((row) => row.id);
        const keys = all.map((row) => keyOf(sort, row, false));
        matches = scope.searches.set(key, stamp, ids, keys);
      }
    }
    const start = matches && startAfter(matches, after);
    if (matches && start !== undefined) {
      const pageIds = matches.ids.slice(start, start + input.limit);
      const found = await rowsOf<PageRow>(
        db,
        Prisma.sql`
        SELECT ${PAGE_COLUMNS}, NULL::float8 AS score, ${imagesColumn("p")} AS images
          FROM products p
         WHERE p.id = ANY(${pageIds}::uuid[])
           ${scope.includeArchived ? Prisma.empty : Prisma.sql`AND p.archived_at IS NULL`}`,
      );
      const byId = new Map(found.map((row) => [row.id, row]));
      const rows = pageIds.flatMap((id) => {
        const row = byId.get(id);
        return row ? [{ ...row, images: imagesFromColumn(row.images) }] : [];
      });
      const keyAt = (id: string) => matches.keys[matches.at.get(id)!]!;
      const hasNext = start + input.limit < matches.ids.length;
      const lastId = pageIds.at(-1);
      return {
        rows,
        items: rows.map(toDetail),
        cursors: rows.map((row) => encodeCursor(sort, fingerprint, keyAt(row.id))),
        next_cursor: hasNext && lastId ? encodeCursor(sort, fingerprint, keyAt(lastId)) : null,
        total_count: input.with_total ? matches.ids.length : null,
      };
    }
  }

  // The score (and the shelf's sold_out) is a column of the inner query so
  // the order and the keyset condition can name it. The pictures are read for the page's rows only (the outer query), in
  // the same round trip.
  const pageSql = Prisma.sql`
    ${search}
    SELECT p.*, ${imagesColumn("p")} AS images FROM (
      SELECT * FROM (
        SELECT ${PAGE_COLUMNS}, p.sold_out, ${score} AS score
          FROM ${from}
         WHERE ${where}
      ) p
      ${after ? Prisma.sql`WHERE ${afterSql(after)}` : Prisma.empty}
      ORDER BY ${order}
      LIMIT ${input.limit + 1}
    ) p
    ORDER BY ${order}`;
  const countSql = Prisma.sql`${search} SELECT count(*)::int AS n FROM ${from} WHERE ${where}`;

  let rows: PageRow[];
  let total: number | null = null;
  if (input.with_total) {
    const [page, count] = await Promise.all([
      rowsOf<PageRow>(db, pageSql),
      rowsOf<{ n: number }>(db, countSql),
    ]);
    rows = page;
    total = count[0]?.n ?? 0;
  } else {
    rows = await rowsOf<PageRow>(db, pageSql);
  }

  const hasNext = rows.length > input.limit;
  const pageRows = hasNext ? rows.slice(0, input.limit) : rows;
  const last = pageRows.at(-1);
  const withImages = pageRows.map((row) => ({ ...row, images: imagesFromColumn(row.images) }));
  return {
    rows: withImages,
    items: withImages.map(toDetail),
    cursors: pageRows.map((row) => encodeCursor(sort, fingerprint, keyOf(sort, row, shelf))),
    next_cursor: hasNext && last ? encodeCursor(sort, fingerprint, keyOf(sort, last, shelf)) : null,
    total_count: total,
  };
}

/**
 * Where a page after `after` starts in a kept list of matches; undefined when
 * the cursor's product is not in it at that key (then the database answers).
 */
function startAfter(matches: SearchMatches, after: CursorKey | undefined): number | undefined {
  if (!after) return 0;
  const i = matches.at.get(after.id);
  if (i === undefined || matches.keys[i]?.key !== after.key) return undefined;
  return i + 1;
}

export function toDetail(row: CatalogRow): ProductDetail {
  return {
    id: row.id,
    name: row.name,
    price_cents: row.price_cents,
    stock_qty: row.stock_qty,
    description: row.description,
    sku: row.sku,
    images: row.images,
  };
}

/** A page row in the shape the admin mapping takes. */
export function rowForAdmin(row: CatalogRow) {
  return {
    id: row.id,
    name: row.name,
    priceCents: row.price_cents,
    stockQty: row.stock_qty,
    description: row.description,
    sku: row.sku,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
