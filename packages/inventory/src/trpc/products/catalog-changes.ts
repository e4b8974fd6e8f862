import { CatalogChangeInput } from "@shop/contracts";
import { z } from "zod";
import { publicProcedure } from "../init.ts";

/**
 * A long poll on the catalog's version: answers as soon as it differs from
 * `since` (a product changed anywhere), or after `waitMs` with it unchanged.
 * The gateway keeps one open, so it knows its cached catalog is current
 * without asking Inventory on every request.
 */
export const catalogChanges = publicProcedure
  .input(CatalogChangeInput)
  .output(z.object({ version: z.string() }))
  .query(async ({ ctx, input, signal }) => {
    const version = await Promise.race([
      ctx.catalog.waitForChange(input.since, input.waitMs),
      new Promise<string>((resolve) => signal?.addEventListener("abort", () => resolve(input.since))),
    ]);
    return { version };
  });
