/**
 * Fills Node's compile cache (NODE_COMPILE_CACHE) with every module a service
 * and its health check load: `node docker/warm-compile-cache.ts [main.ts]`,
 * run while the service image is built (and by `pnpm bench`, which runs the
 * services as their images do).
 *
 * Node strips a module's types with a WebAssembly build of SWC (amaro), which
 * it loads on the first .ts file it compiles and keeps for the life of the
 * process: 15-24 MiB of every service's resident memory. A module found in the
 * compile cache is neither stripped nor compiled again, so a service started
 * on a warm cache never loads the stripper (and starts sooner).
 *
 * The cache is keyed by Node's version, its V8 flags and the user id: warm it
 * as the user that serves, with the same V8 flags on the command line (the
 * CMD's: NODE_OPTIONS cannot carry them). A module it misses is
 * compiled as usual, so a stale or foreign cache costs memory, not
 * correctness. Node writes the cache when this process exits.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const entry = resolve(process.argv[2] ?? "main.ts");
// Both only load when imported: main.ts serves, and the health check probes,
// only as the entry point (import.meta.main).
await import(pathToFileURL(entry).href);
await import("./healthcheck.ts");
