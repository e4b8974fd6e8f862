import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readGatewayEnv } from "../src/env.ts";
import { GRAPHIQL_BUILD_DIR, graphiqlDirFor } from "../src/graphiql.ts";

describe("GraphiQL's build directory", () => {
  it("is where graphiql/vite.config.ts writes it", () => {
    expect(GRAPHIQL_BUILD_DIR).toBe(join(import.meta.dirname, "..", "graphiql", "dist"));
  });

  it("is given to the gateway outside production only", () => {
    const base = { SERVICE_TOKEN: "a-long-enough-service-token" };
    expect(graphiqlDirFor(readGatewayEnv({ ...base, NODE_ENV: "production" }))).toBeUndefined();
    expect(graphiqlDirFor(readGatewayEnv({ ...base, NODE_ENV: "development" }))).toBe(GRAPHIQL_BUILD_DIR);
    expect(graphiqlDirFor(readGatewayEnv(base))).toBe(GRAPHIQL_BUILD_DIR);
  });
});
