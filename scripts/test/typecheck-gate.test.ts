/**
 * The CI type-check gate, proven to stay closed: in a throwaway copy of this
 * working tree, rename `price_cents` in the products contract and run the
 * same `tsc -b` as `pnpm typecheck`. It must fail, with errors in the
 * contract's consumers and none in the contract itself. The real files are
 * never touched; the copy is deleted afterwards.
 *
 * The copy holds the sources (with whatever `pnpm codegen` generated) and
 * each package's node_modules links, whose relative targets now point into
 * the copy, so `@shop/contracts` resolves to the renamed one. Only the
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
const CONTRACT = "packages/contracts/src/inventory/products.ts";

/** Consumers that must break, and why they use the field. */
const CONSUMERS = {
  "packages/inventory": "serves price_cents on both doors",
  "packages/gateway": "maps price_cents to GraphQL's priceCents",
  "packages/sdk": "its tests create products with price_cents",
};

// Never copied: history, local data, build output and caches.
const SKIPPED = new Set([".git", ".data", "dist", "coverage", "test-results", "playwright-report"]);

/** Copies the working tree into `to`; each node_modules keeps its links but no dot-entries (.pnpm, caches). */
async function copyWorkingTree(to: string): Promise<void> {
  await cp(root, to, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (source) => {
      const name = basename(source);
      if (SKIPPED.has(name)) return false;
      return !(name.startsWith(".") && basename(dirname(source)) === "node_modules");
    },
  });
  await symlink(join(root, "node_modules", ".pnpm"), join(to, "node_modules", ".pnpm"), "dir");
}

interface TscError {
  file: string;
  code: string;
  message: string;
}

/** `tsc -b` in `cwd`: its exit code and its errors, one per diagnostic. */
async function typecheck(cwd: string): Promise<{ exitCode: number; errors: TscError[]; output: string }> {
  const { exitCode, output } = await new Promise<{ exitCode: number; output: string }>((resolve) => {
    execFile(
      process.execPath,
      [tsc, "-b", "--pretty", "false"],
      { cwd, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === "number" ? error.code : error ? 1 : 0;
        resolve({ exitCode: code, output: stdout + stderr });
      },
    );
  });
  const errors = [...output.matchAll(/^(\S[^(\n]*)\(\d+,\d+\): error (TS\d+): (.*)$/gm)].map(
    ([, file = "", code = "", message = ""]) => ({ file: file.split(sep).join("/"), code, message }),
  );
  return { exitCode, errors, output };
}

describe("the type-check gate", () => {
  let copy: string;
  let result: Awaited<ReturnType<typeof typecheck>>;

  beforeAll(async () => {
    copy = await mkdtemp(join(tmpdir(), "shop-typecheck-gate-"));
    await copyWorkingTree(copy);

    const contract = join(copy, CONTRACT);
    const source = await readFile(contract, "utf8");
    if (!source.includes("price_cents")) throw new Error(`${CONTRACT} has no price_cents to rename`);
    await writeFile(contract, source.replaceAll("price_cents", "price"));

    result = await typecheck(copy);
    // About 20 s on an idle machine; the margin is for a busy one.
  }, 300_000);

  afterAll(async () => {
    if (copy) await rm(copy, { recursive: true, force: true });
  });

  it("fails `tsc -b` when price_cents is renamed in packages/contracts", () => {
    expect(result.exitCode, result.output).not.toBe(0);
  });

  it("puts the errors in the consumers, not in the contract", () => {
    const inPackage = (dir: string) => result.errors.filter((e) => e.file.startsWith(`${dir}/`));
    expect(inPackage("packages/contracts"), result.output).toEqual([]);

    for (const [dir, why] of Object.entries(CONSUMERS)) {
      const renamed = inPackage(dir).filter((e) => e.message.includes("price_cents"));
      expect(renamed.length, `${dir} ${why}, so the rename must break it:\n${result.output}`).toBeGreaterThan(
        0,
      );
    }
  });

  it("leaves the real contract as it was", async () => {
    expect(await readFile(join(root, CONTRACT), "utf8")).toContain("price_cents: z.number().int()");
  });
});
