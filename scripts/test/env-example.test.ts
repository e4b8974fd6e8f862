/** .env.example lists every variable the code reads, and nothing it does not. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { variablesListed, variablesTheCodeReads } from "../lint/env-variables.ts";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const listed = variablesListed(readFileSync(join(repo, ".env.example"), "utf8"));
const read = variablesTheCodeReads(repo);

describe(".env.example", () => {
  it("finds the variables the code reads (the scan itself works)", () => {
    for (const name of [
      "DATABASE_URL",
      "ADMIN_TOKEN",
      "GATEWAY_PORT",
      "WEB_PORT",
      "VITE_GATEWAY_URL",
      "NODE_ENV",
    ]) {
      expect(read, name).toContain(name);
    }
  });

  it("lists every variable the code reads", () => {
    expect([...read].filter((name) => !listed.has(name)).sort()).toEqual([]);
  });

  it("lists no variable the code does not read", () => {
    expect([...listed].filter((name) => !read.has(name)).sort()).toEqual([]);
  });
});
