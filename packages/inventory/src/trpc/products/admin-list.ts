import { AdminProductList } from "@shop/contracts";
import { listAllProducts } from "../../domain/products.ts";
import { adminProcedure } from "../init.ts";

/** Every product with its lifecycle times, as `GET /admin/products`. */
export const adminList = adminProcedure.output(AdminProductList).query(({ ctx }) => listAllProducts(ctx.db));
