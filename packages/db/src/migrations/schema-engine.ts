/**
 * Prisma's schema engine as WebAssembly, from the npm registry.
 *
 * `prisma migrate` downloads a native schema-engine binary from Prisma's own
 * host at run time; a machine that reaches only the npm registry cannot. The
 * same engine ships as `@prisma/schema-engine-wasm`: we instantiate it by hand
 * (its entry module imports the .wasm as an ES module, which Node does not do
 * without a flag) and give it the pg driver adapter to reach the database.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import { catalogueAdapterFactory } from "./catalogue-adapter.ts";

const require = createRequire(import.meta.url);

// The one WebAssembly call we make, typed here: the ES2023 lib has no
// WebAssembly API and @types/node declares only its namespace.
declare const WebAssembly: {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, object>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

// Process-wide state, kept on globalThis: the bindings module is one shared
// instance, but this file can be loaded more than once in one process (each
// vitest project's global setup has its own module graph), and a second
// instantiation would swap the wasm memory under a running engine.
interface EngineState {
  instantiated?: Promise<void>;
  /** The engine is not reentrant: one operation at a time per process. */
  queue: Promise<unknown>;
  /** A Rust panic reports its message here before the wasm traps with a bare "unreachable". */
  panic: { message: string; set_message(message: string): void };
}
const state = ((globalThis as { __shopSchemaEngine?: EngineState }).__shopSchemaEngine ??= {
  queue: Promise.resolve(),
  panic: {
    message: "",
    set_message(message: string) {
      this.message = message;
    },
  },
});
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: EngineState["panic"] }).PRISMA_WASM_PANIC_REGISTRY =
  state.panic;

function instantiateOnce(): Promise<void> {
  state.instantiated ??= (async () => {
    // The package exports only its JS modules; the .wasm sits beside them.
    const bindingsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = join(dirname(bindingsPath), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": bindings,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return state.instantiated;
}

export type SchemaEngine = bindings.SchemaEngine;

/**
 * Run `work` with a schema engine connected to `url` and knowing `schema`
 * (the text of schema.prisma); the engine and its connections are released after.
 */
export function withSchemaEngine<T>(
  url: string,
  schema: { path: string; content: string },
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const run = state.queue.then(() => runEngine(url, schema, work));
  state.queue = run.catch(() => undefined);
  return run;
}

async function runEngine<T>(
  url: string,
  schema: { path: string; content: string },
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await instantiateOnce();
  const factory = catalogueAdapterFactory(url);
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const engineLog = (line: string) => {
    if (process.env.SHOP_SCHEMA_ENGINE_DEBUG) console.error(`[schema-engine] ${line}`);
  };
  const engine = await bindings.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    engineLog,
    adapter,
  );
  try {
    return await work(engine);
  } catch (err) {
    if (state.panic.message) {
      const message = state.panic.message;
      state.panic.message = "";
      throw new Error(`The schema engine panicked: ${message}`, { cause: err });
    }
    throw err;
  } finally {
    engine.free();
    await factory.disposeAll();
  }
}
