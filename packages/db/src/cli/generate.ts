// `prisma generate` without network access, then the client made to load its
// query compiler from a binary file (query-compiler-file.ts).
//
// The Prisma 7 CLI resolves a schema-engine binary even for `generate`, which
// never runs it; on a machine that reaches only the npm registry that download
// fails. Pointing PRISMA_SCHEMA_ENGINE_BINARY at a stub that is never executed
// lets the CLI go on and write the client from the schema alone.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadQueryCompilerFromFile } from "./query-compiler-file.ts";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const stub = join(mkdtempSync(join(tmpdir(), "shop-prisma-")), "schema-engine");
  writeFileSync(stub, "#!/bin/sh\necho 'schema engine stub: use pnpm db:migrate' >&2\nexit 1\n");
  chmodSync(stub, 0o755);
  env.PRISMA_SCHEMA_ENGINE_BINARY = stub;
}
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";

const result = spawnSync(process.execPath, [prismaCli, "generate"], {
  cwd: packageDir,
  env,
  stdio: "inherit",
});
if (result.status !== 0) process.exit(result.status ?? 1);

// The module the generated client would import, resolved as it resolves it
// (named in a variable: the module ships no types).
const base64Module = "@prisma/client/runtime/query_compiler_small_bg.postgresql.wasm-base64.mjs";
const { wasm } = (await import(base64Module)) as { wasm: unknown };
if (typeof wasm !== "string")
  throw new Error(`${base64Module} no longer exports the compiler as base64 text`);
loadQueryCompilerFromFile(join(packageDir, "src", "generated", "prisma"), wasm);
