import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { printedSchema, SCHEMA_FILE } from "../src/sdl.ts";

// The checked-in SDL is the schema's review copy: a change to the schema must
// come with a change to schema.graphql (pnpm --filter @shop/gateway schema:print).
it("matches the checked-in schema.graphql", () => {
  expect(printedSchema()).toBe(readFileSync(SCHEMA_FILE, "utf8"));
});

it("has the contract's names", () => {
  const sdl = printedSchema();
  const product = /^type Product \{\n([^}]*)\}/m.exec(sdl)?.[1] ?? "";
  for (const field of ["id: ID!", "name: String!", "priceCents: Int!", "stockQty: Int!"]) {
    expect(product).toContain(`  ${field}\n`);
  }
  expect(sdl).toMatch(/priceCents: Int!/);
  expect(sdl).toMatch(/stockQty: Int!/);
  expect(sdl).toMatch(/placeOrder\(input: PlaceOrderInput!\): MutationPlaceOrderResult!/);
  // The locked order(id: ID!), with an optional accessToken added (additive; the SDL sorts arguments).
  expect(sdl).toMatch(/\n {2}order\(accessToken: String, id: ID!\): Order\n/);
});
