import { createHash } from "node:crypto";
import { ServiceError } from "@shop/service";

/**
 * The keyset cursor of a catalog page: the last product's sort key and id,
 * and which query it belongs to. Opaque to clients (base64url JSON).
 *
 * Every order is total: the sort key, then the id. Relevance is a number
 * computed from the product's text and the search, so the same search gives
 * the same score again and (score, id) is as stable a key as (name, id); a
 * product edited between two page reads moves, as a renamed one would under
 * the name sort, but no untouched product repeats or goes missing.
 */
export type SortOrder = "name" | "price_asc" | "price_desc" | "newest" | "relevance";

export interface CursorKey {
  /** The last row's sort key: name (string), price (number), created_at (ISO string) or score (number). */
  key: string | number;
  id: string;
  /** The shop's shelf (name order, sold out last): whether the last row was sold out. */
  soldOut?: boolean;
}

interface CursorBody {
  /** sort */
  s: SortOrder;
  /** fingerprint of the filters */
  f: string;
  k: string | number;
  i: string;
  /** soldOut, on the shelf's cursors only */
  o?: boolean;
}

/** What a cursor is bound to: a cursor from one search must not page another. */
export function filtersFingerprint(filters: unknown): string {
  return createHash("sha256").update(JSON.stringify(filters)).digest("base64url").slice(0, 12);
}

export function encodeCursor(sort: SortOrder, fingerprint: string, at: CursorKey): string {
  const body: CursorBody = { s: sort, f: fingerprint, k: at.key, i: at.id };
  if (at.soldOut !== undefined) body.o = at.soldOut;
  return Buffer.from(JSON.stringify(body)).toString("base64url");
}

const badCursor = (why: string) =>
  new ServiceError("validation_failed", `Invalid cursor: ${why}`, [{ path: "cursor", message: why }]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function decodeCursor(cursor: string, sort: SortOrder, fingerprint: string): CursorKey {
  let body: Partial<CursorBody>;
  try {
    body = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Partial<CursorBody>;
  } catch {
    throw badCursor("not a cursor this service made");
  }
  if (typeof body !== "object" || body === null || typeof body.i !== "string" || !UUID.test(body.i)) {
    throw badCursor("not a cursor this service made");
  }
  if (body.s !== sort || body.f !== fingerprint) {
    throw badCursor("it belongs to another sort, search or filter; start again from the first page");
  }
  const numeric = sort === "price_asc" || sort === "price_desc" || sort === "relevance";
  if (numeric ? typeof body.k !== "number" || !Number.isFinite(body.k) : typeof body.k !== "string") {
    throw badCursor("not a cursor this service made");
  }
  if (sort === "newest" && Number.isNaN(Date.parse(body.k as string))) {
    throw badCursor("not a cursor this service made");
  }
  if (body.o !== undefined && typeof body.o !== "boolean") throw badCursor("not a cursor this service made");
  const at: CursorKey = { key: body.k as string | number, id: body.i };
  if (body.o !== undefined) at.soldOut = body.o;
  return at;
}
