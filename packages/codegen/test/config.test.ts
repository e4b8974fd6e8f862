import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GATEWAY_SCHEMA, spaCodegenConfig } from "../src/index.ts";

describe("the SPAs' codegen config", () => {
  it("types against the gateway's checked-in schema, wherever the SPA runs it from", () => {
    const config = spaCodegenConfig();
    expect(config.schema).toBe(GATEWAY_SCHEMA);
    expect(GATEWAY_SCHEMA).toMatch(/packages\/gateway\/schema\.graphql$/);
    expect(existsSync(GATEWAY_SCHEMA)).toBe(true);
  });

  it("reads the SPA's own sources, never what it generated", () => {
    expect(spaCodegenConfig().documents).toEqual(["src/**/*.{ts,tsx}", "!src/gql/**"]);
    expect(Object.keys(spaCodegenConfig().generates)).toEqual(["src/gql/"]);
  });
});
