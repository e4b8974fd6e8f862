import { defineProject } from "vitest/config";

export default defineProject({
  // One graphql module for everything: Vite would pick graphql's ESM build
  // (its "module" field) for our files while Node hands Pothos the CommonJS
  // one, and graphql refuses types from "another realm".
  resolve: { alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }] },
  test: {
    name: "gateway",
    // The integration test runs the real services over a test database.
    globalSetup: ["../../packages/db/src/testing/global-setup.ts"],
  },
});
