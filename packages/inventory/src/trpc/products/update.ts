import { Product, UpdateProductInput, Uuid } from "@shop/contracts";
import { z } from "zod";
import { updateProduct } from "../../domain/products.ts";
import { adminProcedure } from "../init.ts";

/** As `PATCH /products/:id`. */
export const update = adminProcedure
  .input(z.object({ id: Uuid, patch: UpdateProductInput }))
  .output(Product)
  .mutation(({ ctx, input }) => updateProduct(ctx.db, input.id, input.patch));
