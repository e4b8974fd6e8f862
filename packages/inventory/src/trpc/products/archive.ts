import { ByIdInput } from "@shop/contracts";
import { archiveProduct } from "../../domain/products.ts";
import { adminProcedure } from "../init.ts";

/** As `DELETE /products/:id`: archive, keep for old orders. */
export const archive = adminProcedure.input(ByIdInput).mutation(async ({ ctx, input }) => {
  await archiveProduct(ctx.db, input.id);
});
