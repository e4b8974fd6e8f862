/**
 * `pnpm dev`: the whole shop in watch mode. The same database, migrations,
 * seed and admin token as `pnpm start` (scripts/lib), then every service under
 * `node --watch` (a change to its code or to a workspace package it imports
 * restarts it) and the SPAs on Vite's dev server (hot reload) against the
 * gateway, which serves GraphiQL; one line per URL; Ctrl-C stops it all.
 */
import { join } from "node:path";
import { repoRoot } from "@shop/db";
import { portOf } from "@shop/contracts";
import { shopBanner } from "./lib/banner.ts";
import { readyDatabase } from "./lib/database.ts";
import { stackEnv } from "./lib/stack-env.ts";
import { runTs, waitUntilHealthy } from "@shop/service/processes";
import { stackServices } from "./lib/services.ts";
import { buildGraphiqlIfStale, devServeSpa, runScript, stackSpas } from "./lib/spas.ts";
import { Supervisor } from "./lib/supervisor.ts";

const root = repoRoot();
const spaSpecs = stackSpas(process.env);
const viteEnv = { VITE_GATEWAY_URL: `http://localhost:${portOf("gateway")}/graphql`, ...process.env };
// The SPAs' typed operations (src/gql/) while the database starts; after a change to the
// gateway's schema, `pnpm codegen` makes them again and Vite reloads the pages that use them.
const codegen = Promise.all(spaSpecs.map((spa) => runScript(join(root, spa.dir), "codegen", root, viteEnv)));
codegen.catch(() => undefined);
// GraphiQL's page when stale, after the codegen; the gateway reads it per request, so it may land later.
const graphiql = codegen.then(() => buildGraphiqlIfStale(root, process.env));
graphiql.catch((err: unknown) => console.error(`GraphiQL was not built: ${String(err)}`));
const { database, owner } = await readyDatabase();
const { env, admin } = stackEnv(database.url);
const shop = new Supervisor(() => database.stop());
// node --watch keeps running when a service crashes and restarts it on the next save: the
// shop stops only if a watcher itself exits.
const services = stackServices(env).map((spec) => ({
  spec,
  child: shop.add(spec.part, runTs(spec.entry, env, root, { watch: true })),
}));

try {
  await Promise.all(
    // Patient: on a busy 2-core machine tsx's first compile of a service can take minutes.
    services.map(({ spec, child }) =>
      waitUntilHealthy(`http://127.0.0.1:${spec.port}/healthz`, child, 180_000),
    ),
  );
  await codegen;
  const spas = spaSpecs.map((spec) => ({
    spec,
    child: shop.add(spec.part, devServeSpa(spec, root, viteEnv)),
  }));
  await Promise.all(spas.map(({ spec, child }) => waitUntilHealthy(`http://127.0.0.1:${spec.port}/`, child)));
  console.log(
    shopBanner(
      "Shop is up in watch mode (services restart on change, the SPAs hot-reload):",
      root,
      [...spas, ...services].map(({ spec }) => spec),
      database,
      admin,
      owner,
    ),
  );
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  await shop.stop(1);
}
