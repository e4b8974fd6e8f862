/**
 * The service image fills Node's compile cache at build time
 * (docker/warm-compile-cache.ts) so that a service never loads Node's type
 * stripper. What that rests on, checked without building an image: importing a
 * service's main.ts starts nothing, the warmed cache holds every module it
 * loads, and the Dockerfile warms with the CMD's flags (the cache is keyed by them).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { containerNodeFlags } from "../lib/container-command.ts";
import { compileCacheProbe, NOTHING_STRIPPED } from "../containers/compile-cache-probe.ts";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const cache = mkdtempSync(join(tmpdir(), "shop-compile-cache-"));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

const flags = containerNodeFlags(repo);
const node = (args: string[]) =>
  execFileSync(process.execPath, [...flags, ...args], {
    cwd: repo,
    env: { ...process.env, NODE_COMPILE_CACHE: cache, NODE_ENV: "production" },
    encoding: "utf8",
    // A main.ts that served instead of just loading would never exit.
    timeout: 30_000,
  });

describe("the compile cache a service image is built with", () => {
  it("is warmed with the flags the service runs with", () => {
    const dockerfile = readFileSync(join(repo, "Dockerfile"), "utf8");
    const warm = /^RUN node (.*) docker\/warm-compile-cache\.ts main\.ts$/m.exec(dockerfile);
    expect(warm?.[1]?.split(" ")).toEqual(flags);
  });

  it.each(["inventory", "payments", "orders", "gateway"])(
    "%s: importing main.ts starts nothing, and once warmed no module needs the type stripper",
    (app) => {
      const main = join(repo, "apps", app, "src", "main.ts");
      node(["docker/warm-compile-cache.ts", main]);
      const loaded = node([
        "--input-type=module",
        "--eval",
        compileCacheProbe(main, join(repo, "docker", "healthcheck.ts")),
      ]);
      expect(loaded.trim()).toBe(NOTHING_STRIPPED);
    },
  );
});
