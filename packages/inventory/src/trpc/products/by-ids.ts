import { ProductList, ProductsByIdsInput } from "@shop/contracts";
import { getProductsByIds } from "../../domain/products.ts";
import { publicProcedure } from "../init.ts";

/** A batch read for the gateway's DataLoader: archived products included, unknown ids left out. */
export const byIds = publicProcedure
  .input(ProductsByIdsInput)
  .output(ProductList)
  .query(({ ctx, input }) => getProductsByIds(ctx.db, input.ids));
