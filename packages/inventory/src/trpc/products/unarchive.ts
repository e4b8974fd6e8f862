import { ByIdInput } from "@shop/contracts";
import { unarchiveProduct } from "../../domain/products.ts";
import { staffProcedure } from "../init.ts";

/** As `POST /products/:id/unarchive`: back into the catalog as it was. */
export const unarchive = staffProcedure("products.write")
  .input(ByIdInput)
  .mutation(async ({ ctx, input }) => {
    await unarchiveProduct(ctx.db, input.id);
  });
