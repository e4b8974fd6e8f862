import { CreateProductInput, Product } from "@shop/contracts";
import { createProduct } from "../../domain/products.ts";
import { staffProcedure } from "../init.ts";

/** As `POST /products`. */
export const create = staffProcedure("products.write")
  .input(CreateProductInput)
  .output(Product)
  .mutation(({ ctx, input }) => createProduct(ctx.db, input));
