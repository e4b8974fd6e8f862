/**
 * The PostgreSQL server a test run uses, chosen once per run:
 * DATABASE_URL when set; else a testcontainers PostgreSQL when a container
 * runtime answers; else an embedded PostgreSQL on a free port with its data in
 * a temporary folder (deleted afterwards).
 */
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedServer } from "../embedded-postgres.ts";
import { freePorts } from "../free-ports.ts";

export interface TestServer {
  kind: "DATABASE_URL" | "testcontainers" | "embedded";
  /** URL of a maintenance database on the server, for CREATE/DROP DATABASE. */
  adminUrl: string;
  stop(): Promise<void>;
}

export async function startTestServer(env: NodeJS.ProcessEnv = process.env): Promise<TestServer> {
  if (env.DATABASE_URL) {
    return { kind: "DATABASE_URL", adminUrl: env.DATABASE_URL, stop: () => Promise.resolve() };
  }
  const container = await startContainerIfRuntime();
  if (container) return container;
  // As root, the server runs as the `postgres` user, which must reach the folder.
  const folder = mkdtempSync(join(tmpdir(), "shop-test-pg-"));
  chmodSync(folder, 0o755);
  const server = await startEmbeddedServer({
    dataDir: join(folder, "data"),
    port: (await freePorts(1))[0]!,
    persistent: false,
  });
  return {
    kind: "embedded",
    adminUrl: server.adminUrl,
    stop: async () => {
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

async function startContainerIfRuntime(): Promise<TestServer | undefined> {
  const { getContainerRuntimeClient } = await import("testcontainers");
  try {
    await getContainerRuntimeClient();
  } catch {
    return undefined; // no Docker/Podman here: fall through to the embedded server
  }
  const { PostgreSqlContainer } = await import("@testcontainers/postgresql");
  const container = await new PostgreSqlContainer("postgres:18-alpine").start();
  return {
    kind: "testcontainers",
    adminUrl: container.getConnectionUri(),
    stop: async () => {
      await container.stop();
    },
  };
}
