import { defineConfig } from "vitest/config";

// Every app and package with a vitest.config.ts, and scripts/, is a project of one run.
export default defineConfig({
  test: {
    projects: ["apps/*/vitest.config.ts", "packages/*/vitest.config.ts", "scripts/vitest.config.ts"],
  },
});
