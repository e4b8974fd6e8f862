import type { CodegenConfig } from "@graphql-codegen/cli";

// Typed operations from the gateway's checked-in schema: `pnpm codegen` writes
// src/gql/ (generated, not committed) and `tsc -b` then checks every query and
// its use against it, so a schema change the web shop does not follow breaks
// its build.
const config: CodegenConfig = {
  schema: "../../packages/gateway/schema.graphql",
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

export default config;
