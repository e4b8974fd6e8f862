/**
 * `pnpm start`: the whole shop on one machine. The database (DATABASE_URL,
 * or the embedded PostgreSQL under .data/), migrations, a seed when the
 * catalog is empty, then every service, and the SPAs built (when stale) and
 * served; one line per URL; Ctrl-C stops it all.
 */
import type { ChildProcess } from "node:child_process";
import { join, relative } from "node:path";
import { applyMigrations, createPrismaClient, dataDir, repoRoot, seedIfEmpty, startDatabase } from "@shop/db";
import { portOf } from "@shop/service";
import { firstOwner } from "./lib/first-owner.ts";
import { resolveAdminToken, resolveServiceToken } from "./lib/secrets.ts";
import { runTs, stopProcess, waitUntilHealthy } from "./lib/processes.ts";
import { stackServices } from "./lib/services.ts";
import { buildIfStale, serveSpa, stackSpas, type SpaSpec } from "./lib/spas.ts";

const root = repoRoot();
// The SPAs build while the database starts: they need no service, and a build takes seconds.
// They reach the gateway at its port here unless VITE_GATEWAY_URL says otherwise.
const spaSpecs = stackSpas(process.env);
const buildEnv = { VITE_GATEWAY_URL: `http://localhost:${portOf("gateway")}/graphql`, ...process.env };
const spaBuilds = Promise.all(spaSpecs.map((spa) => buildIfStale(spa, root, buildEnv)));
// Awaited once the services are up; a failure before then must not end the process unhandled.
spaBuilds.catch(() => undefined);
const database = await startDatabase();
const applied = await applyMigrations(database.url);
if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);
const prisma = createPrismaClient(database.url, { maxConnections: 1 });
const seeded = await seedIfEmpty(prisma);
const owner = await firstOwner(prisma, join(dataDir(), "owner-password"));
await prisma.$disconnect();
if (seeded > 0) console.log(`Seeded ${seeded} products into an empty catalog.`);

const admin = resolveAdminToken(join(dataDir(), "admin-token"));
// The credential the services present to each other (Payments answers nobody else); never printed.
const service = resolveServiceToken(join(dataDir(), "service-token"));
const env = {
  ...process.env,
  DATABASE_URL: database.url,
  ADMIN_TOKEN: admin.token,
  SERVICE_TOKEN: service.token,
};
const services = stackServices(env).map((spec) => ({ spec, child: runTs(spec.entry, env, root) }));
const spas: { spec: SpaSpec; child: ChildProcess }[] = [];

let stopping = false;
async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await Promise.all([...spas, ...services].map(({ child }) => stopProcess(child)));
    await database.stop();
  }
  process.exit(code);
}
process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));
function watchExit(part: string, child: ChildProcess) {
  child.once("exit", (code, signal) => {
    if (stopping) return;
    console.error(`${part} exited (${signal ?? `code ${code}`}); stopping the shop.`);
    void stopAll(1);
  });
}
for (const { spec, child } of services) watchExit(spec.part, child);

try {
  await Promise.all(
    services.map(({ spec, child }) => waitUntilHealthy(`http://127.0.0.1:${spec.port}/healthz`, child)),
  );
  await spaBuilds;
  for (const spec of spaSpecs) {
    const child = serveSpa(spec, root, env);
    spas.push({ spec, child });
    watchExit(spec.part, child);
  }
  await Promise.all(spas.map(({ spec, child }) => waitUntilHealthy(`http://127.0.0.1:${spec.port}/`, child)));
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  await stopAll(1);
}

const pad = (s: string) => s.padEnd(10);
/** A path as short as it can be said: relative to the repository when inside it. */
const shown = (path: string) => (path.startsWith(root) ? relative(root, path) : path);
const lines = [
  "",
  "Shop is up:",
  ...[...spas, ...services].map(
    ({ spec }) => `  ${pad(spec.part)} http://localhost:${spec.port}  (${spec.offers})`,
  ),
  `  ${pad("database")} ${database.url}  (${database.embedded ? `embedded, data in ${shown(join(dataDir(), "pg"))}` : "DATABASE_URL"})`,
  `  ${pad("token")} ${admin.token}  (admin token; ${admin.source === "env" ? "ADMIN_TOKEN" : `saved in ${shown(join(dataDir(), "admin-token"))}`})`,
  `  ${pad("owner")} ${owner.email}${owner.password ? ` / ${owner.password}` : ""}  (${owner.created ? "new staff account; " : ""}${owner.password ? `password kept in ${shown(join(dataDir(), "owner-password"))}` : "sign in to the admin"})`,
  "Ctrl-C stops everything.",
  "",
];
console.log(lines.join("\n"));
