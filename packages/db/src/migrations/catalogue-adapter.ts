/**
 * The pg driver adapter, fitted for the schema engine: taught PostgreSQL's
 * one-byte `"char"` type, and sending migration scripts whole.
 *
 * The schema engine reads the catalogue (pg_class.relkind,
 * pg_constraint.contype, ...) whose columns have the internal type `"char"`
 * (oid 18). @prisma/adapter-pg 7.10 maps no column type to it, so describing a
 * database fails with "Column type 'char' could not be deserialized". pg
 * hands the value over as a one-letter string already; what is missing is the
 * label. The pg client below notes which columns were `"char"` (and calls them
 * text so the adapter accepts them); the adapter wrapper then labels those
 * columns `Character`, which is what the engine reads.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQueryable,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import pg from "pg";

const PG_CHAR = 18;
const PG_TEXT = 25;

/** Result rows (by identity: the adapter passes pg's array on) → indexes of their `"char"` columns. */
const charColumns = new WeakMap<object, number[]>();

function noteCharColumns(result: pg.QueryResult | undefined): void {
  if (!result?.fields) return;
  const indexes: number[] = [];
  result.fields.forEach((field, i) => {
    if (field.dataTypeID === PG_CHAR) {
      field.dataTypeID = PG_TEXT;
      indexes.push(i);
    }
  });
  if (indexes.length > 0) charColumns.set(result.rows, indexes);
}

class CatalogueClient extends pg.Client {
  // pg's query() has many overloads: the adapter's pool calls the callback
  // form, a checked-out client (transactions) the promise form.
  override query(...args: unknown[]): never {
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === "function") {
      args[last] = (err: Error | undefined, result: pg.QueryResult | undefined) => {
        if (!err) noteCharColumns(result);
        (callback as (e: unknown, r: unknown) => void)(err, result);
      };
    }
    const pending = (super.query as (...a: unknown[]) => unknown)(...args);
    if (pending instanceof Promise) {
      return pending.then((result: pg.QueryResult) => {
        noteCharColumns(result);
        return result;
      }) as never;
    }
    return pending as never;
  }
}

function labelCharColumns<T extends SqlQueryable>(queryable: T): T {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

/**
 * A migration script in one simple-protocol query, as `prisma migrate deploy`
 * sends it. adapter-pg 7.10 splits scripts on every ";", which breaks any
 * migration with a function body ($$ ... ; ... $$) or a ";" in a comment.
 * We use its own pool and error mapping (internal fields, checked here; the
 * db tests apply such a migration on every run).
 */
function runScriptsWhole(adapter: SqlDriverAdapter): void {
  const internals = adapter as unknown as {
    client?: { query(sql: string): Promise<unknown> };
    onError?: (err: unknown) => never;
  };
  const { client, onError } = internals;
  if (typeof client?.query !== "function" || typeof onError !== "function") {
    throw new Error("@prisma/adapter-pg changed its internals: review src/migrations/catalogue-adapter.ts");
  }
  adapter.executeScript = async (script) => {
    try {
      await client.query(script);
    } catch (err) {
      onError.call(adapter, err);
    }
  };
}

function wrapAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  labelCharColumns(adapter);
  runScriptsWhole(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) =>
    labelCharColumns<Transaction>(await startTransaction(isolationLevel));
  return adapter;
}

export interface CatalogueAdapterFactory extends SqlMigrationAwareDriverAdapterFactory {
  /**
   * Close every connection the engine opened. The engine does not on free(),
   * and an open session would keep holding the migration advisory lock, so
   * the next migrate would wait 10 s for it.
   */
  disposeAll(): Promise<void>;
}

/** A migration-aware pg adapter factory for the schema engine (not for the app's queries). */
export function catalogueAdapterFactory(url: string): CatalogueAdapterFactory {
  const factory = new PrismaPg({ connectionString: url, max: 2, Client: CatalogueClient });
  const opened: SqlDriverAdapter[] = [];
  const track = (adapter: SqlDriverAdapter) => {
    opened.push(adapter);
    return wrapAdapter(adapter);
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => track(await factory.connect()),
    connectToShadowDb: async () => track(await factory.connectToShadowDb()),
    disposeAll: async () => {
      await Promise.allSettled(opened.splice(0).map((adapter) => adapter.dispose()));
    },
  };
}
