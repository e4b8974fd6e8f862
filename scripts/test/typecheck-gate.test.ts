/**
 * The CI type-check gate, proven to stay closed: in a throwaway copy of this
 * working tree, run what `pnpm typecheck` runs (each SPA's codegen, then
 * `tsc -b`), first on the tree as it is, which must pass, then after a
 * change to each of the shop's two contracts:
 *
 * - the GraphQL contract: the gateway's checked-in schema.graphql, which the
 *   SPAs type their operations against (the gateway's schema test keeps it
 *   equal to the gateway's code). `priceCents` made nullable: codegen still
 *   succeeds, and `tsc -b` must fail in exactly the two SPAs, on lines that
 *   read it. `priceCents` renamed: each SPA's codegen, the first step of
 *   `pnpm typecheck`, must refuse the operations that still ask for it.
 * - the services' contract (`@shop/contracts`): `price_cents` renamed in the
 *   products contract. Exactly its consumers must fail: Inventory serves it,
 *   the gateway maps it, the SDK's tests and the admin's product form send it.
 *
 * Each time the exact set of workspace folders with errors is compared, so a
 * consumer that stops being checked, or a failure with another cause (a
 * missing generated file, a broken copy), fails the test instead of passing
 * it. The real files are never touched; the copy is deleted afterwards.
 *
 * The copy holds the sources (not what codegen or tsc generated: it makes its
 * own) and each package's node_modules links, whose relative targets now point
 * into the copy, so `@shop/contracts` resolves to the renamed one. Only the
 * package store (node_modules/.pnpm) is shared, through one symlink.
 */
import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

const SERVICES_CONTRACT = "packages/contracts/src/inventory/products.ts";
const GRAPHQL_CONTRACT = "packages/gateway/schema.graphql";
const SPAS = ["apps/admin", "apps/web"];

/** `price_cents` renamed in @shop/contracts: these, and only these, must fail; why each uses it. */
const SERVICES_CONTRACT_CONSUMERS: Record<string, string> = {
  "apps/admin": "its product form sends price_cents through the contract's schemas",
  "packages/gateway": "maps price_cents to GraphQL's priceCents",
  "packages/inventory": "serves price_cents on both doors",
  "packages/sdk": "its tests create products with price_cents",
};

/** `priceCents` changed in the GraphQL schema: these, and only these, must fail. */
const GRAPHQL_CONTRACT_CONSUMERS: Record<string, string> = {
  "apps/admin": "its products and orders pages show priceCents as money",
  "apps/web": "its catalog, product page, cart and order page show priceCents as money",
};

// Never copied: history, local data, build output, caches, and each SPA's generated operations.
const SKIPPED = new Set([".git", ".data", "dist", "coverage", "test-results", "playwright-report"]);
const isGeneratedOperations = (source: string) =>
  basename(source) === "gql" && SPAS.some((spa) => dirname(source) === join(root, spa, "src"));

/** Copies the working tree into `to`; each node_modules keeps its links but no dot-entries (.pnpm, caches). */
async function copyWorkingTree(to: string): Promise<void> {
  await cp(root, to, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (source) => {
      const name = basename(source);
      if (SKIPPED.has(name) || isGeneratedOperations(source)) return false;
      return !(name.startsWith(".") && basename(dirname(source)) === "node_modules");
    },
  });
  await symlink(join(root, "node_modules", ".pnpm"), join(to, "node_modules", ".pnpm"), "dir");
}

interface Run {
  exitCode: number;
  output: string;
}

/** Node with `args` in `cwd`: its exit code and everything it printed. */
function node(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const exitCode = error && typeof error.code === "number" ? error.code : error ? 1 : 0;
      resolve({ exitCode, output: stdout + stderr });
    });
  });
}

/** Each SPA's `pnpm codegen` (graphql-codegen with its codegen.ts) in the copy: how each ended. */
async function codegen(copy: string): Promise<Record<string, Run>> {
  const runs: Record<string, Run> = {};
  for (const spa of SPAS) {
    const dir = join(copy, spa);
    const cli = createRequire(join(dir, "package.json")).resolve("@graphql-codegen/cli/package.json");
    const { bin } = JSON.parse(await readFile(cli, "utf8")) as { bin: Record<string, string> };
    runs[spa] = await node([join(dirname(cli), bin["graphql-codegen"] ?? ""), "--config", "codegen.ts"], dir);
  }
  return runs;
}

/** Codegen that must succeed in every SPA: the tree as it is, or a change codegen accepts. */
async function mustCodegen(copy: string): Promise<void> {
  for (const [spa, { exitCode, output }] of Object.entries(await codegen(copy))) {
    if (exitCode !== 0) throw new Error(`codegen in ${spa} failed (exit ${exitCode}):\n${output}`);
  }
}

interface TscError {
  file: string;
  line: number;
  code: string;
  message: string;
}

interface Typecheck extends Run {
  errors: TscError[];
  /** The workspace folders (apps/x, packages/y, scripts, e2e, ...) with at least one error. */
  failing: string[];
}

/** The workspace folder of a file tsc names: apps/<name>, packages/<name>, or its top-level folder. */
function workspaceDirOf(file: string): string {
  const parts = file.split("/");
  return parts[0] === "apps" || parts[0] === "packages" ? parts.slice(0, 2).join("/") : (parts[0] ?? file);
}

/** `tsc -b` in `cwd`: its exit code, its errors (paths relative to `cwd`) and the folders they are in. */
async function typecheck(cwd: string): Promise<Typecheck> {
  const run = await node([tsc, "-b", "--pretty", "false"], cwd);
  const errors = [...run.output.matchAll(/^(\S[^(\n]*)\((\d+),\d+\): error (TS\d+): (.*)$/gm)].map(
    ([, file = "", line = "0", code = "", message = ""]) => ({
      file: file.split(sep).join("/"),
      line: Number(line),
      code,
      message,
    }),
  );
  const failing = [...new Set(errors.map((e) => workspaceDirOf(e.file)))].sort();
  return { ...run, errors, failing };
}

/** Replaces every `from` in one file of the copy; returns what puts it back. */
async function rewrite(copy: string, file: string, from: string | RegExp, to: string) {
  const path = join(copy, file);
  const source = await readFile(path, "utf8");
  const changed = source.replaceAll(from, to);
  if (changed === source) throw new Error(`${file} has no ${String(from)} to change`);
  await writeFile(path, changed);
  return () => writeFile(path, source);
}

describe("the type-check gate", () => {
  let copy: string;
  let unchanged: Typecheck;
  let nullablePrice: Typecheck;
  let renamedPriceCodegen: Record<string, Run>;
  let renamedContract: Typecheck;

  /** The source line an error points at, in the copy. */
  const lineOf = async (error: TscError) =>
    (await readFile(join(copy, error.file), "utf8")).split("\n")[error.line - 1] ?? "";

  beforeAll(async () => {
    copy = await mkdtemp(join(tmpdir(), "shop-typecheck-gate-"));
    await copyWorkingTree(copy);

    // The tree as it is, from nothing generated: what `pnpm typecheck` does.
    await mustCodegen(copy);
    unchanged = await typecheck(copy);

    // The GraphQL contract: a price that may be null, then a renamed price.
    let restore = await rewrite(copy, GRAPHQL_CONTRACT, /\bpriceCents: Int!/g, "priceCents: Int");
    await mustCodegen(copy);
    nullablePrice = await typecheck(copy);
    await restore();
    restore = await rewrite(copy, GRAPHQL_CONTRACT, /\bpriceCents\b/g, "price");
    renamedPriceCodegen = await codegen(copy);
    await restore();
    await mustCodegen(copy);

    // The services' contract.
    await rewrite(copy, SERVICES_CONTRACT, "price_cents", "price");
    renamedContract = await typecheck(copy);
    // About 2.5 min on two busy cores (a build from scratch, then two smaller ones); the margin is for a busier one.
  }, 900_000);

  afterAll(async () => {
    if (copy) await rm(copy, { recursive: true, force: true });
  });

  it("passes `tsc -b` on the tree as it is, after a codegen of its own", () => {
    expect(unchanged.errors, unchanged.output).toEqual([]);
    expect(unchanged.exitCode, unchanged.output).toBe(0);
  });

  it("fails exactly the two SPAs, where they read it, when the GraphQL schema makes priceCents nullable", async () => {
    expect(nullablePrice.exitCode, nullablePrice.output).not.toBe(0);
    expect(nullablePrice.failing, nullablePrice.output).toEqual(
      Object.keys(GRAPHQL_CONTRACT_CONSUMERS).sort(),
    );
    for (const [dir, why] of Object.entries(GRAPHQL_CONTRACT_CONSUMERS)) {
      const lines = await Promise.all(
        nullablePrice.errors.filter((e) => workspaceDirOf(e.file) === dir).map(lineOf),
      );
      expect(
        lines.filter((line) => line.includes("priceCents")).length,
        `${dir}: ${why}, so a nullable price must break it:\n${nullablePrice.output}`,
      ).toBeGreaterThan(0);
    }
  });

  it("refuses, in each SPA's codegen, operations that ask for a priceCents the schema renamed", () => {
    for (const spa of SPAS) {
      const run = renamedPriceCodegen[spa];
      expect(run?.exitCode, `${spa}: ${run?.output}`).not.toBe(0);
      // Codegen's own refusal (the config is silent about which field): the same codegen passed on
      // the schema as it is and on the nullable price, so the rename is what it refuses.
      expect(run?.output, spa).toMatch(/no files were generated/);
    }
  });

  it("fails exactly the consumers of @shop/contracts that use price_cents, admin included, when it is renamed", () => {
    expect(renamedContract.exitCode, renamedContract.output).not.toBe(0);
    expect(renamedContract.failing, renamedContract.output).toEqual(
      Object.keys(SERVICES_CONTRACT_CONSUMERS).sort(),
    );
    for (const [dir, why] of Object.entries(SERVICES_CONTRACT_CONSUMERS)) {
      const aboutTheField = renamedContract.errors.filter(
        (e) => workspaceDirOf(e.file) === dir && /\bprice(_cents)?\b/.test(e.message),
      );
      expect(
        aboutTheField.length,
        `${dir} ${why}, so the rename must break it:\n${renamedContract.output}`,
      ).toBeGreaterThan(0);
    }
  });

  it("leaves the real contracts as they were", async () => {
    expect(await readFile(join(root, SERVICES_CONTRACT), "utf8")).toContain("price_cents: z.number().int()");
    expect(await readFile(join(root, GRAPHQL_CONTRACT), "utf8")).toMatch(/^ {2}priceCents: Int!$/m);
  });
});
