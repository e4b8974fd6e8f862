import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "inventory",
    globalSetup: ["../../packages/db/src/testing/global-setup.ts"],
  },
});
