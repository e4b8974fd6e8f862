import { AdminProduct, ByIdInput } from "@shop/contracts";
import { getAdminProduct } from "../../domain/products.ts";
import { staffProcedure } from "../init.ts";

/** One product as the admin sees it, as `GET /admin/products/:id`. */
export const adminGet = staffProcedure("products.read")
  .input(ByIdInput)
  .output(AdminProduct)
  .query(({ ctx, input }) => getAdminProduct(ctx.db, input.id));
