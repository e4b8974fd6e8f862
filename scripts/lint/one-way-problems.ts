/**
 * Dependencies point one way: apps stand on packages, never the reverse. A
 * package (anything under packages/) may not depend on a workspace package
 * that lives under apps/ — not in its package.json, not in a tsconfig
 * reference, not in an import — nor reach into apps/ by a relative path.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

const SOURCE = /\.(?:[cm]?[jt]sx?)$/;
const SKIPPED_DIRS = new Set(["node_modules", "dist", "generated", "coverage"]);
// `from "x"`, `import "x"`, `import("x")`, `require("x")`: the specifier is group 1.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g;

const packageDirs = (root: string, dir: "apps" | "packages") => {
  const base = join(root, dir);
  if (!existsSync(base)) return [];
  return readdirSync(base, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(base, e.name, "package.json")))
    .map((e) => join(base, e.name));
};

const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return SKIPPED_DIRS.has(e.name) ? [] : sourceFiles(path);
    return e.isFile() && SOURCE.test(e.name) ? [path] : [];
  });
}

/** Every way a file under packages/ leans on apps/, one line each ("file: what"). */
export function oneWayProblems(root: string): string[] {
  const appsDir = join(root, "apps") + sep;
  const intoApps = (path: string) => path.startsWith(appsDir);
  const appNames = new Set(packageDirs(root, "apps").map((dir) => readJson(join(dir, "package.json")).name));
  const isApp = (specifier: string) =>
    [...appNames].some((name) => specifier === name || specifier.startsWith(`${String(name)}/`));
  const problems: string[] = [];

  for (const dir of packageDirs(root, "packages")) {
    const manifest = join(dir, "package.json");
    const pkg = readJson(manifest);
    for (const field of ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"]) {
      for (const name of Object.keys((pkg[field] as Record<string, string> | undefined) ?? {})) {
        if (appNames.has(name)) problems.push(`${relative(root, manifest)}: ${field} names the app ${name}`);
      }
    }

    const tsconfig = join(dir, "tsconfig.json");
    if (existsSync(tsconfig)) {
      for (const [, path] of readFileSync(tsconfig, "utf8").matchAll(/"path"\s*:\s*"([^"]+)"/g)) {
        if (intoApps(resolve(dir, path!)))
          problems.push(`${relative(root, tsconfig)}: references the app ${path}`);
      }
    }

    for (const file of sourceFiles(dir)) {
      for (const [, specifier] of readFileSync(file, "utf8").matchAll(SPECIFIER)) {
        const leans = specifier!.startsWith(".")
          ? intoApps(resolve(dirname(file), specifier!))
          : isApp(specifier!);
        if (leans) problems.push(`${relative(root, file)}: imports "${specifier}", which is an app`);
      }
    }
  }
  return problems;
}
