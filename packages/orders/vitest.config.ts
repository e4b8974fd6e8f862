import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "orders",
    globalSetup: ["../../packages/db/src/testing/global-setup.ts"],
  },
});
