import { CreateProductInput, Product } from "@shop/contracts";
import { createProduct } from "../../domain/products.ts";
import { adminProcedure } from "../init.ts";

/** As `POST /products`. */
export const create = adminProcedure
  .input(CreateProductInput)
  .output(Product)
  .mutation(({ ctx, input }) => createProduct(ctx.db, input));
