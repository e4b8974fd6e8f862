import { ByIdInput, Product } from "@shop/contracts";
import { getCatalogProduct } from "../../domain/products.ts";
import { publicProcedure } from "../init.ts";

/** One catalog product, as `GET /products/:id`. */
export const get = publicProcedure
  .input(ByIdInput)
  .output(Product)
  .query(({ ctx, input }) => getCatalogProduct(ctx.db, input.id));
