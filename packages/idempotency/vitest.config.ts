import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "idempotency",
    globalSetup: ["../db/src/testing/global-setup.ts"],
  },
});
