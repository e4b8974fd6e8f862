import { CatalogPage, CatalogPageInput } from "@shop/contracts";
import { listCatalogPage } from "../../domain/catalog-page.ts";
import { publicProcedure } from "../init.ts";

/** One catalog page, as `GET /products?limit=&cursor=&q=&sort=&in_stock=`. */
export const page = publicProcedure
  .input(CatalogPageInput)
  .output(CatalogPage)
  .query(async ({ ctx, input }) => {
    const { items, cursors, next_cursor, total_count } = await listCatalogPage(ctx.db, input, {
      searches: ctx.searches,
    });
    return { items, cursors, next_cursor, total_count };
  });
