import { CatalogPage, CatalogPageInput } from "@shop/contracts";
import { z } from "zod";
import { listCatalogPage } from "../../domain/catalog-page.ts";
import { publicProcedure } from "../init.ts";

/**
 * One catalog page, as `GET /products?limit=&cursor=&q=&sort=&in_stock=`.
 *
 * `content_version`: a catalog content version the caller has heard of (the
 * gateway LISTENs too, and keeps pages). Should this replica not have heard
 * of it yet, this page's search matches are read from the database, not from
 * those kept for the older content: else a page the gateway asks for right
 * after a change could be answered from before it, and kept. (Only this
 * request: a caller's number moves nothing here.)
 */
export const page = publicProcedure
  .input(
    CatalogPageInput.extend({
      content_version: z
        .string()
        .regex(/^\d{1,18}$/)
        .optional(),
    }),
  )
  .output(CatalogPage)
  .query(async ({ ctx, input: { content_version, ...input } }) => {
    const ahead =
      content_version !== undefined && Number(content_version) > Number(ctx.catalog.contentVersion());
    const { items, cursors, next_cursor, total_count } = await listCatalogPage(
      ctx.db,
      input,
      ahead ? {} : { searches: ctx.searches },
    );
    return { items, cursors, next_cursor, total_count };
  });
