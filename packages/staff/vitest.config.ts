import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "staff",
    globalSetup: ["../db/src/testing/global-setup.ts"],
    // argon2id is deliberately slow (64 MiB, 3 passes); on a busy 2-core machine a test signs in several times.
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
