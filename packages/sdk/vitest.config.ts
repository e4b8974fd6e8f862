import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "sdk",
    globalSetup: ["../db/src/testing/global-setup.ts"],
  },
});
