import { defineProject } from "vitest/config";

export default defineProject({
  // One graphql module for everything (see apps/gateway/vitest.config.ts): the
  // property suite runs the gateway in-process.
  resolve: { alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }] },
  test: {
    name: "reliability",
    globalSetup: ["../../packages/db/src/testing/global-setup.ts", "./test/tally.setup.ts"],
  },
});
