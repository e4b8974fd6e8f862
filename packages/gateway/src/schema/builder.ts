import SchemaBuilder from "@pothos/core";
import ComplexityPlugin from "@pothos/plugin-complexity";
import ErrorsPlugin from "@pothos/plugin-errors";
import type { GatewayContext } from "../context.ts";

/** Query limits: deep or wide queries are refused before any resolver runs. */
export const QUERY_LIMITS = { depth: 8, breadth: 100, complexity: 5_000 };

/**
 * The complexity of the list inside a page (its edges, its items): the page's
 * size is already counted once, on the field that takes the limit, so the list
 * itself adds nothing (not the default list multiplier, 10, once more).
 */
export const PAGE_ITEMS_COMPLEXITY = { field: 0, multiplier: 1 };

export const builder = new SchemaBuilder<{
  Context: GatewayContext;
  Scalars: { DateTime: { Input: string; Output: string } };
  DefaultFieldNullability: false;
}>({
  // Non-null unless a field says otherwise: root query fields do (see product.ts).
  defaultFieldNullability: false,
  plugins: [ErrorsPlugin, ComplexityPlugin],
  errors: { directResult: true },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    limit: QUERY_LIMITS,
  },
});

builder.queryType({ description: "Reads: the catalog and orders." });
builder.mutationType({ description: "Writes: placing orders, and the admin operations." });

builder.scalarType("DateTime", {
  description: "An ISO 8601 date and time in UTC, e.g. 2026-11-26T12:00:00.000Z.",
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== "string" || Number.isNaN(Date.parse(value))) {
      throw new TypeError("DateTime must be an ISO 8601 string");
    }
    return value;
  },
});
