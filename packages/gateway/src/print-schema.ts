// pnpm --filter @shop/gateway schema:print — writes schema.graphql, the SDL
// that is checked in (a schema change shows in review; a test compares) and
// that the web shop and the admin SPA type their operations against.
import { writeFileSync } from "node:fs";
import { printedSchema, SCHEMA_FILE } from "./sdl.ts";

writeFileSync(SCHEMA_FILE, printedSchema());
console.log(`Wrote ${SCHEMA_FILE}`);
