/**
 * Whether a service's modules are all in Node's compile cache: a script for
 * `node <the CMD's flags> --input-type=module --eval` that loads the service's
 * main.ts and the health check (both only load when imported, see
 * docker/warm-compile-cache.ts) and prints the modules of Node's type stripper
 * it had to load, or NOTHING_STRIPPED. `pnpm test:containers` runs it in each
 * image; scripts/test/compile-cache.test.ts beside the sources.
 */
export const NOTHING_STRIPPED = "none";

export function compileCacheProbe(main: string, healthcheck: string): string {
  return (
    `await import(${JSON.stringify(main)}); await import(${JSON.stringify(healthcheck)}); ` +
    `console.log(process.moduleLoadList.filter((m) => m.includes("amaro")).join(", ") || ${JSON.stringify(NOTHING_STRIPPED)});`
  );
}
