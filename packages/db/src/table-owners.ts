/**
 * Who owns each table: the one package whose code writes it (its app, the
 * thin runner, counts as the package). Another package reads or changes an
 * owner's data through the owner's API or SQL functions, never by writing
 * the table itself. `pnpm lint:owners` checks the TypeScript against this
 * list and packages/db/test/table-owners.test.ts the SQL functions; a new
 * table with no entry here fails both.
 */
export interface TableOwner {
  /** The package (folder under packages/, and apps/ for its runner) whose code writes the table. */
  owner: string;
  /** Packages that also write it, and why (kept short: each one is a seam). */
  sharedWith?: Record<string, string>;
}

export const TABLE_OWNERS: Record<string, TableOwner> = {
  products: {
    owner: "inventory",
    sharedWith: { db: "seedIfEmpty writes the demo catalog into an empty database" },
  },
  search_words: { owner: "inventory" },
  product_images: { owner: "inventory" },
  product_image_variants: { owner: "inventory" },
  catalog_version: { owner: "inventory" },
  orders: { owner: "orders" },
  order_items: { owner: "orders" },
  order_events: { owner: "orders" },
  order_refunds: { owner: "orders" },
  email_outbox: { owner: "orders" },
  charges: { owner: "payments" },
  refunds: { owner: "payments" },
  idempotency_keys: {
    owner: "idempotency",
    sharedWith: {
      orders:
        "place_order stores its answer in the placement's own transaction, as the idempotency store does",
    },
  },
  staff_members: { owner: "staff" },
  staff_sessions: { owner: "staff" },
  audit_log: { owner: "staff" },
};

/**
 * Who owns each SQL function the migrations define (the package whose code
 * calls it, or whose tables its trigger keeps): what a function writes must
 * be its owner's.
 */
export const SQL_FUNCTION_OWNERS: Record<string, string> = {
  bump_catalog_version: "inventory",
  catalog_content_changed: "inventory",
  products_updated: "inventory",
  notify_products_changed: "inventory",
  product_words: "inventory",
  products_inserted_words: "inventory",
  products_search_columns: "inventory",
  catalog_search_query: "inventory",
  inventory_lock_stock: "inventory",
  inventory_take_stock: "inventory",
  inventory_return_stock: "inventory",
  place_order: "orders",
};

/** Whether code of `pkg` may write `table` (unknown tables: no one may). */
export function mayWrite(pkg: string, table: string, owners = TABLE_OWNERS): boolean {
  const entry = owners[table];
  return !!entry && (entry.owner === pkg || Object.hasOwn(entry.sharedWith ?? {}, pkg));
}

// INSERT INTO t, UPDATE t, DELETE FROM t (SQL keywords in capitals, as this
// repository writes them), the table optionally quoted: the table is group 1.
const SQL_WRITE = /\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([a-z_][a-z0-9_]*)"?/g;

/** The tables a piece of SQL writes, in order of appearance. */
export function tablesWrittenBy(sql: string): string[] {
  return [...sql.matchAll(SQL_WRITE)].map((match) => match[1]!);
}
