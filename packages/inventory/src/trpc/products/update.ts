import { Product, UpdateProductInput, Uuid } from "@shop/contracts";
import { z } from "zod";
import { updateProduct } from "../../domain/products.ts";
import { staffProcedure } from "../init.ts";

/** As `PATCH /products/:id`. */
export const update = staffProcedure("products.write")
  .input(z.object({ id: Uuid, patch: UpdateProductInput }))
  .output(Product)
  .mutation(({ ctx, input }) => updateProduct(ctx.db, input.id, input.patch));
