import { defineProject } from "vitest/config";

export default defineProject({
  // One graphql module for everything (see packages/gateway/vitest.config.ts): the
  // property suite runs the gateway in-process.
  resolve: { alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }] },
  test: {
    name: "reliability",
    // A property runs 200 inputs and a fault test waits for processes and a
    // database to restart: seconds each, more on a busy two-core CI machine.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    globalSetup: ["../../packages/db/src/testing/global-setup.ts", "./test/tally.setup.ts"],
  },
});
