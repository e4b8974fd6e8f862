import { ByIdInput } from "@shop/contracts";
import { archiveProduct } from "../../domain/products.ts";
import { staffProcedure } from "../init.ts";

/** As `DELETE /products/:id`: archive, keep for old orders. */
export const archive = staffProcedure("products.write")
  .input(ByIdInput)
  .mutation(async ({ ctx, input }) => {
    await archiveProduct(ctx.db, input.id);
  });
