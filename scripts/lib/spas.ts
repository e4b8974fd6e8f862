import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { portOf, type ShopPart } from "@shop/contracts";
import { spawnJob } from "@shop/service/processes";

/** A browser app `pnpm start` builds with Vite and serves as static files. */
export interface SpaSpec {
  part: ShopPart;
  /** Its folder, relative to the repository root. */
  dir: string;
  port: number;
  /** What to print beside its URL. */
  offers: string;
}

/** Every SPA of the stack. */
export function stackSpas(env: NodeJS.ProcessEnv = process.env): SpaSpec[] {
  return [
    { part: "web", dir: "apps/web", port: portOf("web", env), offers: "the web shop" },
    { part: "admin", dir: "apps/admin", port: portOf("admin", env), offers: "the admin SPA (token below)" },
  ];
}

/** A Vite build that buildIfStale makes when its output is older than what it reads. */
export interface ViteBuild {
  /** The package folder, relative to the repository root, whose package.json has the scripts. */
  dir: string;
  /** The folder the build reads: the package folder unless said. */
  sources?: string;
  /** The build script: "build" unless said. */
  script?: string;
  /** Where it writes: `<dir>/dist` unless said. */
  outDir?: string;
  /** Run the package's codegen script first (the SPAs' typed operations): yes unless said. */
  codegen?: boolean;
}

/** GraphiQL's page, built like a SPA but served by the gateway in development. */
const GRAPHIQL_BUILD: ViteBuild = {
  dir: "apps/gateway",
  sources: "apps/gateway/graphiql",
  script: "build:graphiql",
  outDir: "apps/gateway/graphiql/dist",
  codegen: false,
};

/** Builds GraphiQL's page unless its dist/ is current. It reads no VITE_* setting: none makes it stale. */
export function buildGraphiqlIfStale(root: string, env: NodeJS.ProcessEnv): Promise<void> {
  const withoutVite = Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith("VITE_")));
  return buildIfStale(GRAPHIQL_BUILD, root, withoutVite);
}

/** Files a SPA's build does not read: installed, built or generated from what is read. */
const NOT_SOURCES = new Set(["node_modules", "dist", "gql", "test", "screenshots"]);
/** Read by every SPA's build (the schema by codegen, the packages they import): a change means a rebuild. */
const SHARED_INPUTS = [
  "packages/gateway/schema.graphql",
  "packages/codegen/src",
  "packages/contracts/src",
  "packages/ui/src",
];
/** Written into dist/ after a build: the build-time env it was made with. */
const STAMP = ".build-env.json";

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (!NOT_SOURCES.has(entry)) newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** The env a Vite build bakes in (VITE_*), so a different gateway URL means a rebuild. */
function buildEnv(env: NodeJS.ProcessEnv): string {
  const vite = Object.entries(env).filter(([name]) => name.startsWith("VITE_"));
  return JSON.stringify(Object.fromEntries(vite.sort(([a], [b]) => a.localeCompare(b))));
}

const outDirOf = (build: ViteBuild) => build.outDir ?? join(build.dir, "dist");

/** Why `build` is needed, or null when its output is newer than its sources and made with this env. */
export function staleReason(build: ViteBuild, root: string, env: NodeJS.ProcessEnv): string | null {
  const stamp = join(root, outDirOf(build), STAMP);
  if (!existsSync(stamp)) return "no build yet";
  if (readFileSync(stamp, "utf8") !== buildEnv(env)) return "VITE_* settings changed";
  const sources = [join(root, build.sources ?? build.dir), ...SHARED_INPUTS.map((p) => join(root, p))];
  const newest = Math.max(...sources.filter(existsSync).map(newestMtime));
  return newest > statSync(stamp).mtimeMs ? "sources changed" : null;
}

/**
 * Runs the SPA's package.json script `name` as `pnpm run` would (its own and
 * the root's node_modules/.bin first on PATH), but without pnpm: pnpm checks
 * (and may install) the workspace's dependencies before a run, which a start
 * must not do. Returns false when the package has no such script.
 */
export async function runScript(
  cwd: string,
  name: string,
  root: string,
  env: NodeJS.ProcessEnv,
): Promise<boolean> {
  const { scripts = {} } = JSON.parse(readFileSync(join(cwd, "package.json"), "utf8")) as {
    scripts?: Record<string, string>;
  };
  const script = scripts[name];
  if (script === undefined) return false;
  const bins = [join(cwd, "node_modules", ".bin"), join(root, "node_modules", ".bin")];
  const PATH = [...bins, env.PATH ?? ""].join(delimiter);
  const child = spawnJob(script, { cwd, env: { ...env, PATH } });
  const [code] = (await once(child, "exit")) as [number | null];
  if (code !== 0) throw new Error(`${cwd}: the ${name} script (${script}) failed with exit code ${code}`);
  return true;
}

/** Generates its typed operations and builds it with Vite, unless its output is up to date. */
export async function buildIfStale(build: ViteBuild, root: string, env: NodeJS.ProcessEnv): Promise<void> {
  const reason = staleReason(build, root, env);
  if (reason === null) return;
  const script = build.script ?? "build";
  console.log(`Building ${build.sources ?? build.dir} (${reason})...`);
  const cwd = join(root, build.dir);
  if (build.codegen ?? true) await runScript(cwd, "codegen", root, env);
  if (!(await runScript(cwd, script, root, env)))
    throw new Error(`${cwd}/package.json has no ${script} script`);
  writeFileSync(join(root, outDirOf(build), STAMP), buildEnv(env));
}

/** Vite's dev server on its sources, with hot module replacement (`pnpm dev`). */
export function devServeSpa(spa: SpaSpec, root: string, env: NodeJS.ProcessEnv): ChildProcess {
  return vite(spa, root, env, []);
}

/** Serves its dist/ with `vite preview` (every unknown path gets index.html, for the app's router). */
export function serveSpa(spa: SpaSpec, root: string, env: NodeJS.ProcessEnv): ChildProcess {
  return vite(spa, root, env, ["preview"]);
}

function vite(spa: SpaSpec, root: string, env: NodeJS.ProcessEnv, command: string[]): ChildProcess {
  const cwd = join(root, spa.dir);
  const bin = join(cwd, "node_modules", "vite", "bin", "vite.js");
  return spawn(
    process.execPath,
    [bin, ...command, "--host", "127.0.0.1", "--port", String(spa.port), "--strictPort"],
    { cwd, env, stdio: "inherit" },
  );
}
