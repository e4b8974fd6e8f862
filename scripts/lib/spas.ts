import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { portOf, type ShopPart } from "@shop/service";

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

/** Files a SPA's build does not read: installed, built or generated from what is read. */
const NOT_SOURCES = new Set(["node_modules", "dist", "gql", "test", "screenshots"]);
/** Read by every SPA's build (the schema by codegen, the packages they import): a change means a rebuild. */
const SHARED_INPUTS = ["packages/gateway/schema.graphql", "packages/contracts/src", "packages/ui/src"];
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

/** Why `spa` needs a build, or null when its dist/ is newer than its sources and made with this env. */
export function staleReason(spa: SpaSpec, root: string, env: NodeJS.ProcessEnv): string | null {
  const stamp = join(root, spa.dir, "dist", STAMP);
  if (!existsSync(stamp)) return "no build yet";
  if (readFileSync(stamp, "utf8") !== buildEnv(env)) return "VITE_* settings changed";
  const sources = [join(root, spa.dir), ...SHARED_INPUTS.map((p) => join(root, p))];
  const newest = Math.max(...sources.filter(existsSync).map(newestMtime));
  return newest > statSync(stamp).mtimeMs ? "sources changed" : null;
}

/**
 * Runs the SPA's package.json script `name` as `pnpm run` would (its own and
 * the root's node_modules/.bin first on PATH), but without pnpm: pnpm checks
 * (and may install) the workspace's dependencies before a run, which a start
 * must not do. Returns false when the package has no such script.
 */
async function runScript(cwd: string, name: string, root: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const { scripts = {} } = JSON.parse(readFileSync(join(cwd, "package.json"), "utf8")) as {
    scripts?: Record<string, string>;
  };
  const script = scripts[name];
  if (script === undefined) return false;
  const bins = [join(cwd, "node_modules", ".bin"), join(root, "node_modules", ".bin")];
  const PATH = [...bins, env.PATH ?? ""].join(delimiter);
  const child = spawn(script, { cwd, env: { ...env, PATH }, stdio: "inherit", shell: true });
  const [code] = (await once(child, "exit")) as [number | null];
  if (code !== 0) throw new Error(`${cwd}: the ${name} script (${script}) failed with exit code ${code}`);
  return true;
}

/** Generates its typed operations and builds it with Vite, unless dist/ is up to date. */
export async function buildIfStale(spa: SpaSpec, root: string, env: NodeJS.ProcessEnv): Promise<void> {
  const reason = staleReason(spa, root, env);
  if (reason === null) return;
  console.log(`Building ${spa.dir} (${reason})...`);
  const cwd = join(root, spa.dir);
  await runScript(cwd, "codegen", root, env);
  if (!(await runScript(cwd, "build", root, env))) throw new Error(`${cwd}/package.json has no build script`);
  writeFileSync(join(cwd, "dist", STAMP), buildEnv(env));
}

/** Serves its dist/ with `vite preview` (every unknown path gets index.html, for the app's router). */
export function serveSpa(spa: SpaSpec, root: string, env: NodeJS.ProcessEnv): ChildProcess {
  const cwd = join(root, spa.dir);
  const vite = join(cwd, "node_modules", "vite", "bin", "vite.js");
  return spawn(
    process.execPath,
    [vite, "preview", "--host", "127.0.0.1", "--port", String(spa.port), "--strictPort"],
    { cwd, env, stdio: "inherit" },
  );
}
