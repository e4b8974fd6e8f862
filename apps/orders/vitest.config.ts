import { defineProject } from "vitest/config";

// The runner's own tests: its environment parsing (the service's tests live in packages/orders).
export default defineProject({
  test: { name: "orders-service" },
});
