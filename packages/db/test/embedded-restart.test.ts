import { mkdtempSync, rmSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { ensureDatabase, startEmbeddedServer } from "../src/embedded-postgres.ts";
import { freePorts } from "../src/free-ports.ts";

// The development database must keep its rows across `pnpm start` runs.
const folder = mkdtempSync(join(tmpdir(), "shop-restart-"));
chmodSync(folder, 0o755);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function query(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Record<string, unknown>>(sql)).rows;
  } finally {
    await client.end();
  }
}

it("keeps its data across a stop and a start", { timeout: 60_000 }, async () => {
  // A port nothing listens on now (54000 + pid % 1000 was taken once by another run's server).
  const [port] = await freePorts(1);
  const options = { dataDir: join(folder, "data"), port: port!, persistent: true };
  const first = await startEmbeddedServer(options);
  await ensureDatabase(first.adminUrl, "shop");
  await query(first.urlOf("shop"), "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
  await first.stop();

  const second = await startEmbeddedServer(options);
  try {
    expect(await query(second.urlOf("shop"), "SELECT v FROM kept")).toEqual([{ v: "still here" }]);
  } finally {
    await second.stop();
  }
});
