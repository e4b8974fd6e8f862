import { AdminCatalogPageInput, AdminProduct } from "@shop/contracts";
import { z } from "zod";
import { listCatalogPage, rowForAdmin } from "../../domain/catalog-page.ts";
import { toAdminProduct } from "../../domain/products.ts";
import { staffProcedure } from "../init.ts";

/** The admin's products list, a page at a time: archived too, newest first, searchable. */
export const adminPage = staffProcedure("products.read")
  .input(AdminCatalogPageInput)
  .output(z.object({ items: z.array(AdminProduct), next_cursor: z.string().nullable() }))
  .query(async ({ ctx, input }) => {
    const page = await listCatalogPage(ctx.db, input, {
      includeArchived: true,
      defaultSort: "newest",
      searches: ctx.searches,
    });
    return {
      items: page.rows.map((row) => toAdminProduct(rowForAdmin(row), row.images)),
      next_cursor: page.next_cursor,
    };
  });
