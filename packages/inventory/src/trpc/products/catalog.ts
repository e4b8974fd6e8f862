import { CatalogInput, VersionedCatalog } from "@shop/contracts";
import { publicProcedure } from "../init.ts";

/**
 * The catalog, conditionally: the gateway sends the content version and the
 * stock stamp it holds, and gets the products only when their content
 * changed, the stock levels only when one of them moved. An unchanged
 * catalog costs a few bytes; an order costs the stock levels, not the catalog.
 * A catalog larger than Inventory holds is answered `oversized`, unread: the
 * gateway reads it in slices (catalogSlice).
 */
export const catalog = publicProcedure
  .input(CatalogInput)
  .output(VersionedCatalog)
  .query(async ({ ctx, input }) => {
    const current = await ctx.catalog.held();
    if (!current) {
      return {
        version: ctx.catalog.contentVersion(),
        stock_stamp: "",
        products: null,
        stock: null,
        oversized: true,
      };
    }
    const sameContent = input.ifVersion === current.version;
    return {
      version: current.version,
      stock_stamp: current.stockStamp,
      products: sameContent ? null : current.products,
      stock:
        sameContent && input.ifStock !== current.stockStamp ? current.products.map((p) => p.stock_qty) : null,
    };
  });
