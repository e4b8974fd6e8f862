import { ProductDetail, ProductsByIdsInput } from "@shop/contracts";
import { z } from "zod";
import { getProductsByIds } from "../../domain/products.ts";
import { publicProcedure } from "../init.ts";

/** A batch read for the gateway's DataLoader: archived products included, unknown ids left out. */
export const byIds = publicProcedure
  .input(ProductsByIdsInput)
  .output(z.array(ProductDetail))
  .query(({ ctx, input }) => getProductsByIds(ctx.db, input.ids));
