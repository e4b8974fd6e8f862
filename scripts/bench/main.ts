/**
 * `pnpm bench`: a stack of its own (a fresh embedded PostgreSQL, the four
 * services, all on free ports), a catalog of 1,000 products, then every
 * path under the same concurrency, side by side with its baseline. Writes
 * bench/results.md and prints the same table.
 *
 *   BENCH_DURATION_S (10)   seconds per row
 *   BENCH_CONNECTIONS (16)  concurrent connections (or workers) per row
 *   BENCH_PROFILE=gateway   run that part (or "1": the gateway) under node --cpu-prof (bench/profiles/)
 *   BENCH_ONLY=products     only the rows whose name contains this, or one of several
 *                           split by "|" (and their baselines);
 *                           the table is printed, not written
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyMigrations, freePorts, repoRoot, startDatabase } from "@shop/db";
import pg from "pg";
import { stopProcess, waitUntilHealthy } from "@shop/service/processes";
import {
  FLASH_CONNECTIONS,
  FLASH_STOCK,
  newFlashProduct,
  rawFlashOrder,
  verifyFlashSale,
} from "./flash-sale.ts";
import { httpLoad, workLoad, type LoadOptions, type Measurement } from "./load.ts";
import { containerNodeFlags } from "../lib/container-command.ts";
import { cpuPerRequest, cpuTimes } from "./cpu.ts";
import { sampleMemory } from "./memory.ts";
import { rawOrderTransaction } from "./raw-order.ts";
import { renderReport, type Row } from "./report.ts";
import { growBenchCatalog, seedBenchCatalog } from "./seed.ts";
import { readWholeCatalog } from "./whole-catalog.ts";

const load: LoadOptions = {
  durationS: Number(process.env.BENCH_DURATION_S ?? 10),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 16),
};
const CATALOG_SIZE = 1_000;
/** The catalog the paging and search rows run over (grown after the whole-catalog rows). */
const LARGE_CATALOG = 100_000;
const profiled = process.env.BENCH_PROFILE === "1" ? "gateway" : process.env.BENCH_PROFILE;

// Everything of this run lives in a temporary folder and on ports of its own.
const dataDir = mkdtempSync(join(tmpdir(), "shop-bench-"));
chmodSync(dataDir, 0o755);
process.env.SHOP_DATA_DIR = dataDir;
// Ports nobody listens on: startDatabase would reuse a server it finds, and a
// health check must not find some other stack's service.
const [pgPort, gateway, inventory, orders, payments] = (await freePorts(5)) as [
  number,
  number,
  number,
  number,
  number,
];
process.env.EMBEDDED_PG_PORT = String(pgPort);
delete process.env.DATABASE_URL;
const root = repoRoot();
const ports = { gateway, inventory, orders, payments };
const url = (part: keyof typeof ports, path: string) => `http://127.0.0.1:${ports[part]}${path}`;

console.log(`Starting a bench stack in ${dataDir} ...`);
const database = await startDatabase();
const children: ChildProcess[] = [];
async function shutdown(): Promise<void> {
  await Promise.all(children.map((c) => stopProcess(c)));
  await database.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

try {
  await applyMigrations(database.url);
  const catalog = await seedBenchCatalog(database.url, CATALOG_SIZE);

  const adminToken = randomBytes(24).toString("base64url");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    ADMIN_TOKEN: adminToken,
    SERVICE_TOKEN: randomBytes(24).toString("base64url"),
    // /metrics on a port the system picks: never one a running shop holds.
    METRICS_PORT: "0",
    LOG_LEVEL: "warn",
    GATEWAY_RATE_LIMIT_PER_MINUTE: "0",
    GATEWAY_PORT: String(ports.gateway),
    INVENTORY_PORT: String(ports.inventory),
    ORDERS_PORT: String(ports.orders),
    PAYMENTS_PORT: String(ports.payments),
  };
  const nodeFlags = containerNodeFlags(root);
  const profileDir = join(root, "bench", "profiles");
  if (profiled) mkdirSync(profileDir, { recursive: true });
  // As the image does: Node's compile cache filled first, with the same flags,
  // so the services never load Node's type stripper (docker/warm-compile-cache.ts).
  const serviceEnv = { ...env, NODE_ENV: "production", NODE_COMPILE_CACHE: join(dataDir, "compile-cache") };
  for (const part of ["inventory", "payments", "orders", "gateway"] as const) {
    const warm = spawnSync(
      process.execPath,
      [...nodeFlags, "docker/warm-compile-cache.ts", `apps/${part}/src/main.ts`],
      { cwd: root, env: serviceEnv, stdio: "inherit" },
    );
    if (warm.status !== 0) throw new Error(`filling the compile cache for ${part} failed (${warm.status})`);
    const profile = profiled === part ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
    // As the container runs it (NODE_ENV=production, `node <its flags> main.ts`):
    // Node strips the types itself (once, into the compile cache), no tsx loader.
    const child = spawn(process.execPath, [...nodeFlags, ...profile, `apps/${part}/src/main.ts`], {
      cwd: root,
      env: serviceEnv,
      stdio: ["ignore", "inherit", "inherit"],
    });
    children.push(child);
    await waitUntilHealthy(url(part, "/healthz"), child);
  }

  const pids = new Map(
    children.map((child, i) => [["Inventory", "Payments", "Orders", "Gateway"][i]!, child.pid!]),
  );
  const postgresPid = postmasterPid(dataDir);
  const memory = sampleMemory(pids, postgresPid);

  const pick = () => catalog.spread[Math.floor(Math.random() * catalog.spread.length)]!;
  const spreadPair = (): [string, string] => {
    const a = pick();
    let b = pick();
    while (b === a) b = pick();
    return [a, b];
  };
  const hotPair = (): [string, string] => catalog.hot;
  const orderBody = (pair: () => [string, string]) => () =>
    JSON.stringify({ items: pair().map((productId) => ({ productId, qty: 1 })) });
  const placeOrderBody = (pair: () => [string, string]) => () =>
    JSON.stringify({
      query:
        "mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { __typename ... on Order { id totalCents } } }",
      variables: { input: { items: pair().map((productId) => ({ productId, qty: 1 })) } },
    });
  const json = { "content-type": "application/json" };

  const pool = new pg.Pool({ connectionString: database.url, max: 10 });
  const raw = rawOrderTransaction(pool);
  const rawFlash = rawFlashOrder(pool);
  // A flash sale: each run (the warm-up too) sells a fresh product of FLASH_STOCK units to 64 buyers at once.
  const flashSale =
    (buy: (productId: string, o: LoadOptions) => Promise<Measurement>) =>
    async (o: LoadOptions): Promise<Measurement> => {
      const productId = await newFlashProduct(pool);
      const measurement = await buy(productId, { ...o, connections: FLASH_CONNECTIONS });
      return { ...measurement, check: await verifyFlashSale(pool, productId, measurement) };
    };
  const flashBody = (productId: string) => JSON.stringify({ items: [{ productId, qty: 1 }] });
  const flashRow = `SQL order, flash sale (1 product, ${FLASH_STOCK.toLocaleString("en-US")} units, ${FLASH_CONNECTIONS} buyers)`;

  // Every row: its name, what it is compared with, the target, and its load.
  const catalogRow = `GET /products (${CATALOG_SIZE.toLocaleString("en-US")})`;
  const post = (part: keyof typeof ports, path: string, body: () => string) => (o: LoadOptions) =>
    httpLoad({ url: url(part, path), method: "POST", headers: json, body }, o);
  const plan: Array<Omit<Row, "measurement"> & { run: (o: LoadOptions) => Promise<Measurement> }> = [
    { name: "SQL order, hot", run: (o) => workLoad(() => raw(hotPair()), o) },
    { name: "SQL order, spread", run: (o) => workLoad(() => raw(spreadPair()), o) },
    {
      name: "POST /orders, hot",
      baseline: "SQL order, hot",
      target: 1,
      run: post("orders", "/orders", orderBody(hotPair)),
    },
    {
      name: "POST /orders, spread",
      baseline: "SQL order, spread",
      target: 1,
      run: post("orders", "/orders", orderBody(spreadPair)),
    },
    {
      name: "placeOrder (gateway), hot",
      baseline: "SQL order, hot",
      target: 0.6,
      run: post("gateway", "/graphql", placeOrderBody(hotPair)),
    },
    {
      name: "placeOrder (gateway), spread",
      baseline: "SQL order, spread",
      target: 0.6,
      run: post("gateway", "/graphql", placeOrderBody(spreadPair)),
    },
    { name: flashRow, run: flashSale((id, o) => workLoad(() => rawFlash(id), o)) },
    {
      name: "POST /orders, flash sale",
      baseline: flashRow,
      target: 2,
      run: flashSale((id, o) => post("orders", "/orders", () => flashBody(id))(o)),
    },
    {
      name: "placeOrder (gateway), flash sale",
      baseline: flashRow,
      target: 2,
      run: flashSale((id, o) =>
        post("gateway", "/graphql", () =>
          JSON.stringify({
            query:
              "mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { __typename ... on Order { id } } }",
            variables: { input: JSON.parse(flashBody(id)) as unknown },
          }),
        )(o),
      ),
    },
    { name: catalogRow, run: (o) => httpLoad({ url: url("inventory", "/products"), method: "GET" }, o) },
    {
      name: "Query.products (gateway)",
      baseline: catalogRow,
      target: 0.8,
      run: post("gateway", "/graphql", () =>
        JSON.stringify({ query: "{ products { id name priceCents stockQty } }" }),
      ),
    },
  ];

  const only = process.env.BENCH_ONLY?.split("|");
  console.log(`Measuring (${load.connections} connections, ${load.durationS} s per row):`);
  const rows: Row[] = [];
  const measure = async (list: typeof plan) => {
    // BENCH_ONLY: the rows it names, and the baselines they are compared with.
    const chosen = new Set(
      list.filter((row) => !only || only.some((part) => row.name.includes(part))).map((row) => row.name),
    );
    for (const row of list) if (chosen.has(row.name) && row.baseline) chosen.add(row.baseline);
    for (const { run, ...row } of list) {
      if (!chosen.has(row.name)) continue;
      await run({ ...load, durationS: 2 }); // warm up: JIT, pools, caches
      await settle(pool);
      process.stdout.write(`  ${row.name} ... `);
      const cpuBefore = cpuTimes(pids, postgresPid);
      const measurement = await run(load);
      const cpuUs = cpuPerRequest(cpuBefore, cpuTimes(pids, postgresPid), measurement.requests);
      const peaks = [...memory.peaks].map(([name, mib]) => `${name.split(" ")[0]} ${Math.round(mib)}`);
      console.log(`${Math.round(measurement.rps)} req/s (peak MiB so far: ${peaks.join(", ")})`);
      rows.push({ ...row, measurement, cpuUs });
    }
  };
  await measure(plan);

  // The catalog at scale: pages and search over 100,000 products, REST and GraphQL.
  console.log(`Growing the catalog to ${LARGE_CATALOG.toLocaleString("en-US")} products ...`);
  await growBenchCatalog(database.url, LARGE_CATALOG);
  const page400 = await cursorOfPage(url("inventory", "/products?limit=24&sort=name"), 400);
  const get = (part: keyof typeof ports, path: string) => (o: LoadOptions) =>
    httpLoad({ url: url(part, path), method: "GET" }, o);
  const graphql = (query: string, variables: Record<string, unknown>) =>
    post("gateway", "/graphql", () => JSON.stringify({ query, variables }));
  const CATALOG_QUERY =
    "query($after: String, $search: String) { catalog(first: 24, after: $after, search: $search) " +
    "{ edges { cursor node { id name priceCents stockQty } } pageInfo { hasNextPage endCursor } } }";
  // Two words, one misspelt on purpose: 1,667 of the 100,000 are oak teapots
  // (every search word must match), so a page is ranked from that many.
  const SEARCH = "oak teapto";
  const large = "(100k)";
  const restPage = `GET /products?limit=24, first page ${large}`;
  await measure([
    { name: restPage, p95GoalMs: 30, run: get("inventory", "/products?limit=24&sort=name") },
    {
      name: `GET /products?limit=24, page 400 (keyset) ${large}`,
      p95GoalMs: 30,
      run: get("inventory", `/products?limit=24&sort=name&cursor=${page400}`),
    },
    {
      name: `GET /products?q=${SEARCH} ${large}`,
      p95GoalMs: 50,
      run: get("inventory", `/products?limit=24&q=${encodeURIComponent(SEARCH)}`),
    },
    {
      name: `Query.catalog, first page ${large}`,
      baseline: restPage,
      target: 0.6,
      p95GoalMs: 30,
      run: graphql(CATALOG_QUERY, {}),
    },
    {
      name: `Query.catalog, page 400 ${large}`,
      p95GoalMs: 30,
      run: graphql(CATALOG_QUERY, { after: page400 }),
    },
    {
      name: `Query.catalog(search) ${large}`,
      p95GoalMs: 50,
      run: graphql(CATALOG_QUERY, { search: SEARCH }),
    },
  ]);
  console.log(`Reading the whole catalog once through each door (memory only) ...`);
  const { rows: listed } = await pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM products WHERE archived_at IS NULL",
  );
  await readWholeCatalog(url("inventory", "/products"), url("gateway", "/graphql"), listed[0]!.n);
  await pool.end();
  memory.stop();

  const report = renderReport(rows, {
    ...load,
    memory,
    // Written by hand after a run, a few lines; what each change did is in findings-log.md.
    findings: readFileSync(join(root, "scripts", "bench", "findings.md"), "utf8"),
    products: `${(CATALOG_SIZE + 2).toLocaleString("en-US")} (${LARGE_CATALOG.toLocaleString("en-US")} for the rows marked (100k))`,
  });
  console.log(`\n${report}`);
  if (!only) {
    writeFileSync(join(root, "bench", "results.md"), report);
    console.log("Written to bench/results.md.");
  }
} finally {
  await shutdown();
}

/**
 * Before each measured row: the database's deferred work done, so a row does
 * not pay (in PostgreSQL's CPU column and in throughput) for the rows before
 * it. Autovacuum and checkpoints otherwise land on whichever row runs when
 * they start: the order rows came after the raw ones and were charged their
 * VACUUM of tens of thousands of new orders.
 */
async function settle(pool: pg.Pool): Promise<void> {
  await pool.query("VACUUM (ANALYZE)");
  await pool.query("CHECKPOINT");
}

/** The embedded server's postmaster (the first line of postmaster.pid, somewhere under the run's folder). */
function postmasterPid(folder: string, depth = 3): number | undefined {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isFile() && entry.name === "postmaster.pid") {
      return Number(readFileSync(join(folder, entry.name), "utf8").split("\n")[0]);
    }
    if (entry.isDirectory() && depth > 0) {
      const found = postmasterPid(join(folder, entry.name), depth - 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** The cursor that starts page `page` (1-based), by following the Link headers from the first page. */
async function cursorOfPage(first: string, page: number): Promise<string> {
  let next = first;
  let cursor = "";
  for (let i = 1; i < page; i++) {
    const res = await fetch(next);
    await res.arrayBuffer();
    const link = /<([^>]+)>; rel="next"/.exec(res.headers.get("link") ?? "")?.[1];
    if (!link) throw new Error(`the catalog ended before page ${page}`);
    next = link;
    cursor = new URL(link).searchParams.get("cursor") ?? "";
  }
  return encodeURIComponent(cursor);
}
