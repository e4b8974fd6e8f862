import { AdminProduct, ByIdInput } from "@shop/contracts";
import { getAdminProduct } from "../../domain/products.ts";
import { adminProcedure } from "../init.ts";

/** One product as the admin sees it, as `GET /admin/products/:id`. */
export const adminGet = adminProcedure
  .input(ByIdInput)
  .output(AdminProduct)
  .query(({ ctx, input }) => getAdminProduct(ctx.db, input.id));
