import { defineProject } from "vitest/config";

// The runner's own tests: its environment and where GraphiQL's build is (the gateway's tests
// live in packages/gateway).
export default defineProject({ test: { name: "gateway-service" } });
