/**
 * A PostgreSQL server of the fault suite's own (the embedded one `pnpm start`
 * uses, on a free port, data in a temporary folder), with one migrated
 * database: a server the test may stop and start again, keeping its data,
 * without disturbing the run's shared test server.
 */
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyMigrations, freePorts } from "@shop/db";
import { ensureDatabase, startEmbeddedServer, type EmbeddedServer } from "@shop/db/testing";

export interface OwnPostgres {
  /** URL of the migrated `shop` database. */
  url: string;
  /** Stops the server (a fast shutdown: connections are cut). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops it and deletes its data. */
  destroy(): Promise<void>;
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  // As root the server runs as the `postgres` user, which must reach the folder.
  const folder = mkdtempSync(join(tmpdir(), "shop-fault-pg-"));
  chmodSync(folder, 0o755);
  const [port] = (await freePorts(1)) as [number];
  const options = {
    dataDir: join(folder, "data"),
    port,
    persistent: true,
    logFile: join(folder, "postgres.log"),
  };
  let server: EmbeddedServer | undefined = await startEmbeddedServer(options);
  await ensureDatabase(server.adminUrl, "shop");
  const url = server.urlOf("shop");
  await applyMigrations(url);

  const stop = async () => {
    const running = server;
    server = undefined;
    await running?.stop();
  };
  return {
    url,
    stop,
    async start() {
      if (server) throw new Error("the fault suite's PostgreSQL is already running");
      server = await startEmbeddedServer(options);
    },
    async destroy() {
      await stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
