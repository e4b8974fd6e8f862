/**
 * Which database the shop uses, chosen in one place: DATABASE_URL when set,
 * else the embedded PostgreSQL with its data under .data/pg on
 * 127.0.0.1:54329. The URL in use is written to .data/database-url so that
 * `psql "$(cat .data/database-url)"` reaches the same rows.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { dataDir } from "./paths.ts";

export const EMBEDDED_PORT = 54329;
export const EMBEDDED_DATABASE = "shop";

export interface RunningDatabase {
  url: string;
  /** True when this process started the embedded server (and stop() stops it). */
  embedded: boolean;
  stop(): Promise<void>;
}

export async function startDatabase(env: NodeJS.ProcessEnv = process.env): Promise<RunningDatabase> {
  const data = dataDir();
  mkdirSync(data, { recursive: true });
  const remember = (url: string) => writeFileSync(join(data, "database-url"), `${url}\n`);

  if (env.DATABASE_URL) {
    remember(env.DATABASE_URL);
    return { url: env.DATABASE_URL, embedded: false, stop: () => Promise.resolve() };
  }

  // Loaded only here: the embedded PostgreSQL is a development dependency,
  // absent from the production images (which always set DATABASE_URL).
  const { answers, embeddedUrl, ensureDatabase, startEmbeddedServer } =
    await import("./embedded-postgres.ts").catch((error: unknown) => {
      throw new Error("DATABASE_URL is not set and the embedded PostgreSQL is not installed here", {
        cause: error,
      });
    });
  const port = Number(env.EMBEDDED_PG_PORT ?? EMBEDDED_PORT);
  const url = embeddedUrl(port, EMBEDDED_DATABASE);
  // Already running (a `pnpm start` in another terminal): use it, leave it be.
  if (await answers(embeddedUrl(port, "postgres"))) {
    await ensureDatabase(embeddedUrl(port, "postgres"), EMBEDDED_DATABASE);
    remember(url);
    return { url, embedded: false, stop: () => Promise.resolve() };
  }

  const server = await startEmbeddedServer({
    dataDir: join(data, "pg"),
    port,
    persistent: true,
    logFile: join(data, "postgres.log"),
  });
  await ensureDatabase(server.adminUrl, EMBEDDED_DATABASE);
  remember(url);
  return { url, embedded: true, stop: () => server.stop() };
}
