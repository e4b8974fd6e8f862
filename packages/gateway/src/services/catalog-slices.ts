import type { Product } from "@shop/contracts";
import type { GatewayContext } from "../context.ts";

/**
 * A catalog too large to hold (Inventory answers `oversized`), read from
 * Inventory one slice after another (`products.catalogSlice`, up to
 * CATALOG_SLICE_MAX products each), by name.
 */
export async function* catalogSlices(ctx: GatewayContext): AsyncGenerator<Product[]> {
  let after: string | undefined;
  do {
    const slice = await ctx.call(
      "inventory",
      ctx.services.inventory.products.catalogSlice.query(after ? { after } : {}),
    );
    yield slice.products;
    after = slice.next ?? undefined;
  } while (after);
}

/** All of it, for a query that needs the catalog as one list (the answer by slices did not apply). */
export async function wholeOversizedCatalog(ctx: GatewayContext): Promise<Product[]> {
  const all: Product[] = [];
  for await (const slice of catalogSlices(ctx)) for (const product of slice) all.push(product);
  return all;
}
