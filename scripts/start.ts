/**
 * `pnpm start`: the whole shop on one machine. The database (DATABASE_URL,
 * or the embedded PostgreSQL under .data/), migrations, a seed when the
 * catalog is empty, then every service, and the SPAs (and GraphiQL's page)
 * built when stale and served; one line per URL; Ctrl-C stops it all.
 */
import type { ChildProcess } from "node:child_process";
import { repoRoot } from "@shop/db";
import { portOf } from "@shop/contracts";
import { shopBanner } from "./lib/banner.ts";
import { containerNodeFlags } from "./lib/container-command.ts";
import { readyDatabase } from "./lib/database.ts";
import { stackEnv } from "./lib/stack-env.ts";
import { runTs, waitUntilHealthy } from "@shop/service/processes";
import { stackServices } from "./lib/services.ts";
import { Supervisor } from "./lib/supervisor.ts";
import { buildGraphiqlIfStale, buildIfStale, serveSpa, stackSpas, type SpaSpec } from "./lib/spas.ts";

const root = repoRoot();
// The SPAs build while the database starts: they need no service, and a build takes seconds.
// They reach the gateway at its port here unless VITE_GATEWAY_URL says otherwise.
const spaSpecs = stackSpas(process.env);
const buildEnv = { VITE_GATEWAY_URL: `http://localhost:${portOf("gateway")}/graphql`, ...process.env };
// GraphiQL's page after them (three Vite builds at once is too many for 2 cores): the gateway
// serves it outside production, and reads it per request, so it may land after the gateway starts.
const spaBuilds = Promise.all(spaSpecs.map((spa) => buildIfStale(spa, root, buildEnv))).then(async () => {
  if (process.env.NODE_ENV !== "production") await buildGraphiqlIfStale(root, process.env);
});
// Awaited once the services are up; a failure before then must not end the process unhandled.
spaBuilds.catch(() => undefined);
const { database, owner } = await readyDatabase();
const { env, admin } = stackEnv(database.url);
const shop = new Supervisor(() => database.stop());
// Each service with the service image's V8 flags: left alone on a large machine,
// V8 lets a service's heap grow to twice or more what it needs (see the Dockerfile).
const nodeFlags = containerNodeFlags(root);
const services = stackServices(env).map((spec) => ({
  spec,
  child: shop.add(spec.part, runTs(spec.entry, env, root, { nodeFlags })),
}));
const spas: { spec: SpaSpec; child: ChildProcess }[] = [];

try {
  await Promise.all(
    services.map(({ spec, child }) => waitUntilHealthy(`http://127.0.0.1:${spec.port}/healthz`, child)),
  );
  await spaBuilds;
  for (const spec of spaSpecs) {
    spas.push({ spec, child: shop.add(spec.part, serveSpa(spec, root, env)) });
  }
  await Promise.all(spas.map(({ spec, child }) => waitUntilHealthy(`http://127.0.0.1:${spec.port}/`, child)));
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  await shop.stop(1);
}

console.log(
  shopBanner(
    "Shop is up:",
    root,
    [...spas, ...services].map(({ spec }) => spec),
    database,
    admin,
    owner,
  ),
);
