import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Where the generated client keeps its config, and the binary written beside it. */
const CLIENT_CLASS = join("internal", "class.ts");
export const QUERY_COMPILER_FILE = "query_compiler_small_bg.postgresql.wasm";
/** The first four bytes of every WebAssembly binary: "\0asm". */
const WASM_MAGIC = Buffer.from([0x00, 0x61, 0x73, 0x6d]);

/** What `prisma generate` writes to load the query compiler (Prisma 7, prisma-client, runtime nodejs). */
const FROM_BASE64 = `  getQueryCompilerWasmModule: async () => {
    const { wasm } = await import("@prisma/client/runtime/query_compiler_small_bg.postgresql.wasm-base64.mjs")
    return await decodeBase64AsWasm(wasm)
  },`;

const FROM_FILE = `  // Rewritten by @shop/db (src/cli/query-compiler-file.ts): the compiler is read
  // from its binary, not imported as a 2.3 MB base64 module (~9 MiB less per process).
  getQueryCompilerWasmModule: async () => {
    const { readFile } = await import("node:fs/promises")
    return new WebAssembly.Module(await readFile(new URL("./${QUERY_COMPILER_FILE}", import.meta.url)))
  },`;

/**
 * Makes the generated client load Prisma's query compiler from a binary file
 * beside it instead of the module that carries it as base64 text.
 *
 * Every process that runs a Prisma query loads the compiler once. Imported as
 * base64, it cost ~16 MiB of resident memory (V8 parses and keeps a 2.3 MB
 * source and its string, then decodes it); read as a 1.7 MB binary, ~6 MiB
 * (measured alone; see scripts/bench/findings-log.md). The `prisma-client`
 * generator has no option for this, so the generated loader is rewritten, and
 * generation fails if Prisma ever writes it differently: nothing is left half
 * done.
 *
 * `base64` is the compiler as Prisma ships it, from the same package the
 * generated client would import it from.
 */
export function loadQueryCompilerFromFile(clientDir: string, base64: string): void {
  const classFile = join(clientDir, CLIENT_CLASS);
  const source = readFileSync(classFile, "utf8");
  if (!source.includes(FROM_BASE64)) {
    throw new Error(
      `${classFile} does not load the query compiler the way Prisma 7.10 wrote it; ` +
        "update packages/db/src/cli/query-compiler-file.ts for this Prisma version",
    );
  }
  const binary = Buffer.from(base64, "base64");
  if (!binary.subarray(0, 4).equals(WASM_MAGIC)) {
    throw new Error("Prisma's query compiler did not decode to WebAssembly");
  }
  writeFileSync(join(clientDir, "internal", QUERY_COMPILER_FILE), binary);
  writeFileSync(classFile, source.replace(FROM_BASE64, FROM_FILE));
}
