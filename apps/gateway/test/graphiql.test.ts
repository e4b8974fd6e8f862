import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readGatewayEnv } from "../src/env.ts";
import { GRAPHIQL_BUILD_DIR, graphiqlDirFor } from "../src/graphiql.ts";

describe("GraphiQL's build directory", () => {
  it("is where graphiql/vite.config.ts writes it", () => {
    expect(GRAPHIQL_BUILD_DIR).toBe(join(import.meta.dirname, "..", "graphiql", "dist"));
  });

  it("is given to the gateway outside production only", () => {
    expect(graphiqlDirFor(readGatewayEnv({ NODE_ENV: "production" }))).toBeUndefined();
    expect(graphiqlDirFor(readGatewayEnv({ NODE_ENV: "development" }))).toBe(GRAPHIQL_BUILD_DIR);
    expect(graphiqlDirFor(readGatewayEnv({}))).toBe(GRAPHIQL_BUILD_DIR);
  });
});
