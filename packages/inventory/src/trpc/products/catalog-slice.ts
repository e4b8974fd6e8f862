import { CatalogSlice, CatalogSliceInput } from "@shop/contracts";
import { catalogSlice as readSlice } from "../../domain/catalog-slice.ts";
import { publicProcedure } from "../init.ts";

/** The whole catalog by name, a slice at a time: the gateway's read of a catalog too large to hold. */
export const catalogSlice = publicProcedure
  .input(CatalogSliceInput)
  .output(CatalogSlice)
  .query(({ ctx, input }) => readSlice(ctx.db, input.after, input.limit));
