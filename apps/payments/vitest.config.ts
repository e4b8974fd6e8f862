import { defineProject } from "vitest/config";

// The runner's own tests: its environment parsing, and the process restarted over one database
// (the service's tests live in packages/payments).
export default defineProject({
  test: {
    name: "payments-service",
    globalSetup: ["../../packages/db/src/testing/global-setup.ts"],
  },
});
