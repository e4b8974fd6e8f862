import { fileURLToPath } from "node:url";
import type { CodegenConfig } from "@graphql-codegen/cli";

/** The gateway's checked-in schema (`pnpm --filter @shop/gateway schema:print` writes it). */
export const GATEWAY_SCHEMA = fileURLToPath(new URL("../../gateway/schema.graphql", import.meta.url));

/**
 * A SPA's `codegen.ts`: typed operations from the gateway's checked-in schema.
 * `pnpm codegen` (run in the SPA's folder, as `pnpm typecheck` does) writes
 * `src/gql/` (generated, not committed) from the documents under `src/`, and
 * `tsc -b` then checks every operation and its use against it, so a schema
 * change a SPA does not follow breaks its build. Both SPAs use this one config:
 * the same schema, scalars and client preset, so their operations are typed alike.
 */
export function spaCodegenConfig(): CodegenConfig {
  return {
    schema: GATEWAY_SCHEMA,
    documents: ["src/**/*.{ts,tsx}", "!src/gql/**"],
    generates: {
      "src/gql/": {
        preset: "client",
        presetConfig: { fragmentMasking: false },
        config: {
          useTypeImports: true,
          enumsAsTypes: true,
          strictScalars: true,
          scalars: { DateTime: "string" },
          skipTypename: false,
        },
      },
    },
    silent: true,
  };
}
