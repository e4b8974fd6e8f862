import type { Product } from "@shop/contracts";
import type { GatewayContext } from "../context.ts";

export interface HeldCatalog {
  version: string;
  products: Product[];
}

/**
 * The catalog as the gateway last saw it, shared by all requests. Every read
 * still asks Inventory, but conditionally (`products.catalog` with the
 * version held): an unchanged catalog comes back as a few bytes, a changed
 * one in full. So it is never stale, and the common case moves no products.
 */
export class CatalogSource {
  private held: HeldCatalog | undefined;
  // One check per GraphQL request, however many fields ask.
  private readonly perRequest = new WeakMap<GatewayContext, Promise<HeldCatalog>>();

  current(ctx: GatewayContext): Promise<HeldCatalog> {
    let pending = this.perRequest.get(ctx);
    if (!pending) {
      pending = this.check(ctx);
      this.perRequest.set(ctx, pending);
    }
    return pending;
  }

  private async check(ctx: GatewayContext): Promise<HeldCatalog> {
    const ifVersion = this.held?.version;
    const answer = await ctx.call(
      "inventory",
      ctx.services.inventory.products.catalog.query(ifVersion ? { ifVersion } : {}),
    );
    if (answer.products) {
      this.held = { version: answer.version, products: answer.products };
    } else if (this.held?.version !== answer.version) {
      // "Unchanged" relative to a version we no longer hold (a race): ask in full.
      const full = await ctx.call("inventory", ctx.services.inventory.products.catalog.query({}));
      this.held = { version: full.version, products: full.products ?? [] };
    }
    return this.held;
  }
}
