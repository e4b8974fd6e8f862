/**
 * patches/graphql@16.15.0.patch: graphql-js memoizes each execution's
 * subfields in a module-wide WeakMap keyed by the execution's context. V8's
 * young-generation collections keep such entries alive, so every request's
 * field maps were copied through the young generation (see patches/README.md).
 * The patch keeps them on the execution context; this checks that a gateway
 * request no longer sets a WeakMap entry from graphql's execution (nor its
 * memoize helper).
 */
import { afterEach, expect, it } from "vitest";
import { fakeServices } from "./fake-services.ts";
import { gatewayOver } from "./harness.ts";

const product = (n: number) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
  name: `Product ${n}`,
  price_cents: 100 * n,
  stock_qty: n,
});
const CATALOG_QUERY = `query ($after: String) { catalog(first: 3, after: $after) {
  edges { cursor node { id name priceCents stockQty } } pageInfo { hasNextPage endCursor } } }`;

// eslint-disable-next-line @typescript-eslint/unbound-method -- put back as it was, and called with its own `this`
const weakMapSet = WeakMap.prototype.set;
afterEach(() => {
  WeakMap.prototype.set = weakMapSet;
});

it("answers a catalog page without setting a WeakMap entry in graphql's execution", async () => {
  const services = fakeServices({
    inventory: {
      "products.page": () => ({
        items: [product(1), product(2), product(3)],
        cursors: ["c1", "c2", "c3"],
        next_cursor: null,
        total_count: 3,
      }),
    },
  });
  const { graphql } = gatewayOver(services.fetch);
  await graphql(CATALOG_QUERY); // the first request builds what is built once

  const setters: string[] = [];
  WeakMap.prototype.set = function set(this: WeakMap<WeakKey, unknown>, key: WeakKey, value: unknown) {
    setters.push(new Error().stack?.split("\n")[2] ?? ""); // the frame that called set
    return weakMapSet.call(this, key, value);
  };
  const { body } = await graphql(CATALOG_QUERY);
  WeakMap.prototype.set = weakMapSet;

  expect(body.data?.catalog).toMatchObject({ edges: [{ cursor: "c1" }, { cursor: "c2" }, { cursor: "c3" }] });
  // Called at all, so the spy is in place (Pothos's complexity plugin keeps one entry per request).
  expect(setters.length).toBeGreaterThan(0);
  expect(setters.filter((caller) => /graphql[/\\](execution|jsutils)[/\\]/.test(caller))).toEqual([]);
});
