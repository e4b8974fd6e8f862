import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "payments",
    globalSetup: ["../../packages/db/src/testing/global-setup.ts"],
  },
});
