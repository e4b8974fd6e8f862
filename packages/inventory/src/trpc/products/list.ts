import { ProductList } from "@shop/contracts";
import { publicProcedure } from "../init.ts";

/** The catalog, as `GET /products`. */
export const list = publicProcedure
  .output(ProductList)
  .query(async ({ ctx }) => (await ctx.catalog.get()).products);
