import { defineConfig } from "vitest/config";

// Every app and package with a vitest.config.ts, and scripts/, is a project of one run.
export default defineConfig({
  test: {
    projects: ["apps/*/vitest.config.ts", "packages/*/vitest.config.ts", "scripts/vitest.config.ts"],
    // `pnpm test:coverage` turns it on; scripts/coverage-by-package.ts sums the summary up per package.
    coverage: {
      provider: "v8",
      include: ["apps/*/src/**", "packages/*/src/**"],
      exclude: ["**/generated/**", "apps/*/src/gql/**", "**/*.d.ts"],
      reporter: ["json-summary", "html"],
      reportsDirectory: "coverage",
    },
  },
});
