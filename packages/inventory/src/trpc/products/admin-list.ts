import { AdminProductList } from "@shop/contracts";
import { listAllProducts } from "../../domain/products.ts";
import { staffProcedure } from "../init.ts";

/** Every product with its lifecycle times, as `GET /admin/products`. */
export const adminList = staffProcedure("products.read")
  .output(AdminProductList)
  .query(({ ctx }) => listAllProducts(ctx.db));
