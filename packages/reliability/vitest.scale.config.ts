import { defineProject } from "vitest/config";

// `pnpm test:scale`: the replica suite (test/scale), run by .ci/run beside
// `pnpm test`: it needs HAProxy, Redis and PgBouncer, which `pnpm test` must not.
export default defineProject({
  test: {
    name: "scale",
    include: ["test/scale/**/*.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
