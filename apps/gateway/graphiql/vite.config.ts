import { defineConfig } from "vite";

// GraphiQL's page: `pnpm --filter @shop/gateway build:graphiql` writes graphiql/dist/, which the
// gateway serves under /graphiql/ outside production (its index.html at GET /graphql for a browser).
export default defineConfig({
  root: import.meta.dirname,
  base: "/graphiql/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Monaco (GraphiQL 5's editor) is one large chunk by nature; this page is a development tool.
    chunkSizeWarningLimit: 5_000,
    rolldownOptions: {
      onwarn(warning, warn) {
        // GraphiQL's UI libraries mark modules "use client", which means nothing outside React Server Components.
        if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
        warn(warning);
      },
    },
  },
});
