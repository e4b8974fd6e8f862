/** The one-way lint rule: it passes this repository and fails each way a package can lean on an app. */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { oneWayProblems } from "../lint/one-way-problems.ts";
import { scratchWorkspace } from "./scratch-workspace.ts";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const scratch = scratchWorkspace("one-way-");
const write = (path: string, text: string) => scratch.write(path, text);

/** A tiny workspace: the app @shop/shop-service and the package @shop/lib, which leans on nothing. */
function workspace() {
  scratch.create();
  write("apps/shop/package.json", JSON.stringify({ name: "@shop/shop-service" }));
  write("apps/shop/src/main.ts", 'import { lib } from "@shop/lib";\n');
  write("packages/lib/package.json", JSON.stringify({ name: "@shop/lib", dependencies: { zod: "^4" } }));
  write("packages/lib/tsconfig.json", '{ "references": [{ "path": "../other" }] }');
  write("packages/lib/src/index.ts", 'import { z } from "zod";\nimport { a } from "./a.ts";\n');
}

describe("no package depends on an app", () => {
  it("holds for this repository", () => {
    expect(oneWayProblems(repo)).toEqual([]);
  });

  it("passes a workspace where only the app leans on the package", () => {
    workspace();
    expect(oneWayProblems(scratch.root)).toEqual([]);
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
    const problems = oneWayProblems(scratch.root);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });
});
