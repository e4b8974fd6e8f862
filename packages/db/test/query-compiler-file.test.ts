/**
 * The generated client loads Prisma's query compiler from a binary file
 * (src/cli/query-compiler-file.ts), and generation stops if Prisma writes its
 * loader differently.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadQueryCompilerFromFile, QUERY_COMPILER_FILE } from "../src/cli/query-compiler-file.ts";

const generated = join(dirname(fileURLToPath(import.meta.url)), "..", "src", "generated", "prisma");
const PRISMA_LOADER = `config.compilerWasm = {
  getQueryCompilerWasmModule: async () => {
    const { wasm } = await import("@prisma/client/runtime/query_compiler_small_bg.postgresql.wasm-base64.mjs")
    return await decodeBase64AsWasm(wasm)
  },
}`;
/** The eight bytes of an empty WebAssembly module, as base64. */
const EMPTY_MODULE = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]).toString("base64");

function clientWith(classSource: string): string {
  const dir = mkdtempSync(join(tmpdir(), "shop-client-"));
  mkdirSync(join(dir, "internal"));
  writeFileSync(join(dir, "internal", "class.ts"), classSource);
  return dir;
}

describe("the generated client", () => {
  it("reads the query compiler from its binary, beside it, and not from the base64 module", () => {
    const source = readFileSync(join(generated, "internal", "class.ts"), "utf8");
    expect(source).not.toContain("wasm-base64");
    expect(source).toContain(`new URL("./${QUERY_COMPILER_FILE}", import.meta.url)`);
    const binary = readFileSync(join(generated, "internal", QUERY_COMPILER_FILE));
    expect(binary.subarray(0, 4)).toEqual(Buffer.from("\0asm"));
  });
});

describe("loadQueryCompilerFromFile", () => {
  it("writes the binary and points the loader at it", () => {
    const dir = clientWith(PRISMA_LOADER);
    loadQueryCompilerFromFile(dir, EMPTY_MODULE);
    expect(readFileSync(join(dir, "internal", QUERY_COMPILER_FILE)).toString("base64")).toBe(EMPTY_MODULE);
    const source = readFileSync(join(dir, "internal", "class.ts"), "utf8");
    expect(source).not.toContain("decodeBase64AsWasm(wasm)");
    expect(source).toContain(`readFile(new URL("./${QUERY_COMPILER_FILE}", import.meta.url))`);
  });

  it("stops, changing nothing, when Prisma loads the compiler another way", () => {
    const other = PRISMA_LOADER.replace("decodeBase64AsWasm(wasm)", "somethingNew(wasm)");
    const dir = clientWith(other);
    expect(() => loadQueryCompilerFromFile(dir, EMPTY_MODULE)).toThrow(/does not load the query compiler/);
    expect(readFileSync(join(dir, "internal", "class.ts"), "utf8")).toBe(other);
    expect(existsSync(join(dir, "internal", QUERY_COMPILER_FILE))).toBe(false);
  });

  it("stops, changing nothing, when the text is not WebAssembly", () => {
    const dir = clientWith(PRISMA_LOADER);
    expect(() => loadQueryCompilerFromFile(dir, Buffer.from("not wasm").toString("base64"))).toThrow(
      /did not decode to WebAssembly/,
    );
    expect(readFileSync(join(dir, "internal", "class.ts"), "utf8")).toBe(PRISMA_LOADER);
  });
});
