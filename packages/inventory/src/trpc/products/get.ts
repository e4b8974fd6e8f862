import { ByIdInput, ProductDetail } from "@shop/contracts";
import { getCatalogProduct } from "../../domain/products.ts";
import { publicProcedure } from "../init.ts";

/** One catalog product with its content, as `GET /products/:id`. */
export const get = publicProcedure
  .input(ByIdInput)
  .output(ProductDetail)
  .query(({ ctx, input }) => getCatalogProduct(ctx.db, input.id));
