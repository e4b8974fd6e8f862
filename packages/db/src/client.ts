import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client.ts";

export interface PrismaClientOptions {
  /** Upper bound of the pg pool behind the client; default 10 (pg's own default). */
  maxConnections?: number;
  /** Fail a query that waits this long for a free connection, rather than hang. Default 5 s. */
  connectionTimeoutMs?: number;
}

/**
 * A Prisma client on the pg driver adapter. One per process: it owns a pool.
 * A restarted database or a dropped connection fails the queries that were
 * on it, never the process: the pool reconnects on its own.
 */
export function createPrismaClient(url: string, options: PrismaClientOptions = {}): PrismaClient {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    // A statement whose client has gone (its process killed while the
    // statement waited for a lock) is cancelled within this interval instead
    // of running on and committing what nobody will hear of: a placement is
    // one statement, its own transaction. Set on each new connection before
    // its first use (a SET, not a startup option, so a PgBouncer in front
    // needs no setting for it).
    // pg-pool awaits this hook before it hands the connection out (its types say void).
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    onConnect: async (client: pg.ClientBase) => {
      await client
        .query(`SET client_connection_check_interval = '${CLIENT_CHECK_INTERVAL_MS}ms'`)
        .catch(() => undefined); // a server without the setting: statements run as before
    },
  });
  // An idle connection the database ends (a restart, a failover, a terminated
  // backend) is an 'error' event on the pool, which ends the process when
  // nobody listens. Prisma's adapter listens only once Prisma first connects,
  // and the hot paths send their statements to this pool before that (poolOf):
  // pg-pool has already dropped the connection, and the next query opens another.
  pool.on("error", () => undefined);
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const client = new PrismaClient({ adapter });
  pools.set(client, pool);
  return client;
}

const pools = new WeakMap<PrismaClient, pg.Pool>();

/**
 * The pg pool under a client createPrismaClient made (undefined for any
 * other, a transaction's included). For the statements a hot path sends as
 * they are (queryRows): Prisma's client adds ~80 us of CPU to every raw query (its
 * request pipeline, parameter and result mapping), and cannot keep a
 * statement prepared. Everything else goes through Prisma.
 */
export function poolOf(prisma: unknown): pg.Pool | undefined {
  return typeof prisma === "object" && prisma !== null ? pools.get(prisma as PrismaClient) : undefined;
}

/** What can run a raw statement: a PrismaClient, or the client of a transaction it opened. */
interface RawQueries {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/**
 * One statement's rows, straight to the pg pool under `db` where it has one
 * (poolOf), else through Prisma (a transaction's client). `around` wraps the
 * pool call (a tracing span: Prisma's path has spans of its own). For the hot
 * paths only: Orders' placement, Inventory's catalog pages.
 */
export async function queryRows<Row>(
  db: RawQueries,
  text: string,
  values: readonly unknown[],
  around: <T>(run: () => Promise<T>) => Promise<T> = (run) => run(),
): Promise<Row[]> {
  const pool = poolOf(db);
  if (!pool) return db.$queryRawUnsafe<Row[]>(text, ...values);
  const result = await around(() => pool.query(text, [...values]));
  return result.rows as Row[];
}

/** How often a running statement's backend checks that its client is still there. */
export const CLIENT_CHECK_INTERVAL_MS = 250;

/** True when the database answers a trivial query: what /readyz reports. */
export async function isDatabaseReachable(prisma: PrismaClient): Promise<boolean> {
  try {
    await prisma.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
