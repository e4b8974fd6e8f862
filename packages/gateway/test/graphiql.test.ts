import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fakeServices } from "./fake-services.ts";
import { gatewayOver } from "./harness.ts";

const browser = { accept: "text/html,application/xhtml+xml" };

/** A stand-in for apps/gateway/graphiql's Vite build: an index.html and one hashed asset. */
function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), "graphiql-"));
  mkdirSync(join(dir, "assets"));
  writeFileSync(join(dir, "index.html"), '<!doctype html><div id="graphiql"></div>');
  writeFileSync(join(dir, "assets", "index-abc123.js"), "console.log('graphiql')");
  return dir;
}

describe("GraphiQL in development", () => {
  const dir = fakeBuild();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const { app } = gatewayOver(fakeServices({}).fetch, { graphiqlDir: dir });

  it("shows the built page to a browser at /graphql and its assets under /graphiql/", async () => {
    const page = await app.request("/graphql", { headers: browser });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="graphiql">');

    const asset = await app.request("/graphiql/assets/index-abc123.js");
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toMatch(/javascript/);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect(await asset.text()).toBe("console.log('graphiql')");
  });

  it("answers a missing asset, or one outside the build, with a JSON 404", async () => {
    for (const path of [
      "/graphiql/assets/missing.js",
      "/graphiql/../package.json",
      "/graphiql/%2e%2e/index.html",
    ]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
    }
    const res = await app.request("/graphiql/assets/missing.js");
    expect(await res.json()).toMatchObject({ error: "not_found" });
  });

  it("still answers a GET query with a result, not the page", async () => {
    const res = await app.request("/graphql?query=%7B__typename%7D", {
      headers: { accept: "application/graphql-response+json" },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: "Query" } });
  });

  it("says how to build it when the build is missing", async () => {
    const { app } = gatewayOver(fakeServices({}).fetch, { graphiqlDir: join(dir, "nothing-here") });
    const page = await app.request("/graphql", { headers: browser });
    expect(page.status).toBe(503);
    expect(await page.text()).toContain("pnpm --filter @shop/gateway-service build:graphiql");
  });
});

describe("GraphiQL without a build directory (production)", () => {
  it("serves neither the page nor its assets without a build directory", async () => {
    const { app } = gatewayOver(fakeServices({}).fetch);
    const page = await app.request("/graphql", { headers: browser });
    expect(page.headers.get("content-type") ?? "").not.toMatch(/text\/html/);
    expect(await page.text()).not.toContain("graphiql");
    expect((await app.request("/graphiql/assets/index-abc123.js")).status).toBe(404);
  });
});
