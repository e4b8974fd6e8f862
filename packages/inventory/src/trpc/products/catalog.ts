import { CatalogInput, VersionedCatalog } from "@shop/contracts";
import { publicProcedure } from "../init.ts";

/**
 * The catalog, conditionally: the gateway sends the version it holds and
 * gets the products only when they changed, so its cache is never stale and
 * an unchanged catalog costs a few bytes instead of a thousand products.
 */
export const catalog = publicProcedure
  .input(CatalogInput)
  .output(VersionedCatalog)
  .query(async ({ ctx, input }) => {
    const current = await ctx.catalog.get();
    return {
      version: current.version,
      products: input.ifVersion === current.version ? null : current.products,
    };
  });
