/** runTs: a TypeScript entry point in a process of its own, with the Node flags it is given. */
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";
import { runTs } from "../src/processes/index.ts";

const repo = fileURLToPath(new URL("../../..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "shop-run-ts-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("gives Node the flags before tsx, and runs the TypeScript entry", async () => {
  const entry = join(dir, "print-argv.ts");
  writeFileSync(entry, "const flags: string[] = process.execArgv;\nconsole.log(JSON.stringify(flags));\n");
  const child = runTs(entry, process.env, repo, {
    stdio: ["ignore", "pipe", "inherit"],
    nodeFlags: ["--max-semi-space-size=16", "--heap-growing-percent=100"],
  });
  let out = "";
  child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const [code] = (await once(child, "exit")) as [number];
  expect(code).toBe(0);
  const execArgv = JSON.parse(out) as string[];
  expect(execArgv.slice(0, 2)).toEqual(["--max-semi-space-size=16", "--heap-growing-percent=100"]);
  expect(execArgv).toContain("tsx");
}, 30_000);
