/** The one-way lint rule: it passes this repository and fails each way a package can lean on an app. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { oneWayProblems } from "../lint/one-way-problems.ts";

const repo = fileURLToPath(new URL("../..", import.meta.url));
let root: string | undefined;

function write(path: string, text: string) {
  const file = join(root!, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** A tiny workspace: the app @shop/shop-service and the package @shop/lib, which leans on nothing. */
function workspace() {
  root = mkdtempSync(join(tmpdir(), "one-way-"));
  write("apps/shop/package.json", JSON.stringify({ name: "@shop/shop-service" }));
  write("apps/shop/src/main.ts", 'import { lib } from "@shop/lib";\n');
  write("packages/lib/package.json", JSON.stringify({ name: "@shop/lib", dependencies: { zod: "^4" } }));
  write("packages/lib/tsconfig.json", '{ "references": [{ "path": "../other" }] }');
  write("packages/lib/src/index.ts", 'import { z } from "zod";\nimport { a } from "./a.ts";\n');
}

afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

describe("no package depends on an app", () => {
  it("holds for this repository", () => {
    expect(oneWayProblems(repo)).toEqual([]);
  });

  it("passes a workspace where only the app leans on the package", () => {
    workspace();
    expect(oneWayProblems(root!)).toEqual([]);
  });

  it.each([
    [
      "a dependency",
      "packages/lib/package.json",
      JSON.stringify({ name: "@shop/lib", devDependencies: { "@shop/shop-service": "workspace:*" } }),
      /devDependencies names the app @shop\/shop-service/,
    ],
    [
      "a tsconfig reference",
      "packages/lib/tsconfig.json",
      '{ "references": [{ "path": "../../apps/shop" }] }',
      /references the app/,
    ],
    [
      "an import by name",
      "packages/lib/src/b.ts",
      'export type { X } from "@shop/shop-service/src/main.ts";\n',
      /imports "@shop\/shop-service\/src\/main.ts"/,
    ],
    [
      "a relative import",
      "packages/lib/test/c.test.ts",
      'await import("../../../apps/shop/src/main.ts");\n',
      /imports "..\/..\/..\/apps\/shop\/src\/main.ts"/,
    ],
  ])("fails on %s", (_, file, text, expected) => {
    workspace();
    write(file, text);
    const problems = oneWayProblems(root!);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });
});
