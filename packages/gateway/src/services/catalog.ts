import type { Product, VersionedCatalog } from "@shop/contracts";
import type { Logger } from "@shop/service";
import type { GatewayContext } from "../context.ts";
import type { ServiceClients } from "./clients.ts";

export interface HeldCatalog {
  /** Inventory's content version (the database's). */
  version: string;
  /** Inventory's digest of the stock levels (empty when oversized). */
  stockStamp: string;
  /** The products, by name; none when oversized. */
  products: Product[];
  /**
   * The catalog has more products than Inventory holds in memory, and so
   * than this gateway holds: it is read in slices (catalog-slices.ts).
   */
  oversized: boolean;
}

/** An answer that carries the catalog (or says it is too large to hold), as held here. */
function heldOf(full: VersionedCatalog): HeldCatalog {
  return full.oversized
    ? { version: full.version, stockStamp: "", products: [], oversized: true }
    : {
        version: full.version,
        stockStamp: full.stock_stamp,
        products: full.products ?? [],
        oversized: false,
      };
}

/** What the watch compares: content and stock together. */
export const watchKeyOf = (held: HeldCatalog) => `${held.version}:${held.stockStamp}`;

/** How long one watch request waits for a change before Inventory answers "unchanged". */
const WATCH_WAIT_MS = 25_000;

/**
 * The catalog as the gateway last saw it, shared by all requests, and never
 * served stale:
 *
 * - While watching (the gateway app's main.ts starts it), one long poll to Inventory
 *   (`products.catalogChanges`) is always open and comes back the moment any
 *   product changes; as long as the version it reported is the one held, a
 *   request is answered from memory without asking Inventory at all.
 * - Otherwise (not watching, the watch broken, or a change just reported),
 *   the request asks Inventory conditionally (`products.catalog` with the
 *   content version and stock stamp held): an unchanged catalog comes back
 *   as a few bytes, a stock change (an order) as the stock levels alone, a
 *   content change as the catalog.
 *
 * The window between a change's commit and the gateway hearing of it is the
 * time a notification takes to travel PostgreSQL → Inventory → gateway:
 * milliseconds. After a change the watch rests until the catalog is next
 * read (every read asks Inventory meanwhile), so orders with nobody reading
 * the catalog cost the gateway and Inventory nothing.
 */
export class CatalogSource {
  private held: HeldCatalog | undefined;
  /** The latest version the watch reported; undefined while it is not running or broken. */
  private watched: string | undefined;
  private watching = false;
  /** Bumped by forget(): a poll answer from before it cannot vouch for anything. */
  private generation = 0;
  /** The version the open long poll waits to move from; undefined while none is open. */
  private polling: string | undefined;
  /** Set while the watch rests after a change: the next catalog read wakes it. */
  private resume: (() => void) | undefined;

  /**
   * A write went through this gateway (any mutation): until the watch reports
   * again, ask Inventory. So a client reads its own write at once, even before
   * the change's notification has made its way back here.
   */
  forget(): void {
    this.generation++;
    this.watched = undefined;
  }

  /** The held catalog when the watch vouches for it (no request needed), else undefined. */
  known(): HeldCatalog | undefined {
    const held = this.held;
    return held && this.watched === watchKeyOf(held) ? held : undefined;
  }

  current(ctx: GatewayContext): Promise<HeldCatalog> {
    this.resume?.();
    const known = this.known();
    if (known) return Promise.resolve(known);
    // One check per GraphQL request, however many fields ask.
    return (ctx.catalogCheck ??= this.check(ctx));
  }

  private async check(ctx: GatewayContext): Promise<HeldCatalog> {
    const generation = this.generation;
    const held = this.held;
    const answer = await ctx.call(
      "inventory",
      ctx.services.inventory.products.catalog.query(
        held ? { ifVersion: held.version, ifStock: held.stockStamp } : {},
      ),
    );
    if (answer.oversized || answer.products) {
      this.held = heldOf(answer);
    } else if (!held || held.version !== answer.version) {
      // "Unchanged" relative to a version we no longer hold (a race): ask in full.
      this.held = heldOf(await ctx.call("inventory", ctx.services.inventory.products.catalog.query({})));
    } else if (answer.stock && answer.stock.length === held.products.length) {
      // Only stock moved: the same products, in the same order, with new levels.
      const stock = answer.stock;
      this.held = {
        version: held.version,
        stockStamp: answer.stock_stamp,
        products: held.products.map((p, i) =>
          p.stock_qty === stock[i] ? p : { ...p, stock_qty: stock[i]! },
        ),
        oversized: false,
      };
    } else if (answer.stock_stamp !== held.stockStamp) {
      this.held = heldOf(await ctx.call("inventory", ctx.services.inventory.products.catalog.query({})));
    }
    // After a forget(), the watch's last report cannot vouch, but an open long
    // poll still can: it comes back the moment the catalog moves from the
    // version it waits on. If that is the version Inventory just gave this
    // request (asked after the write, no write since), the watch vouches
    // again from now: without this the next requests would all ask Inventory
    // until the catalog next moved (up to the poll's 25 s when it stays still).
    if (generation === this.generation && this.polling === watchKeyOf(this.held!)) {
      this.watched = this.polling;
    }
    return this.held!;
  }

  /**
   * Keep a long poll open to Inventory until the returned stop() is called.
   * `clients` must not time out before WATCH_WAIT_MS (see apps/gateway/src/main.ts).
   */
  watch(clients: () => ServiceClients, log: Logger): () => void {
    this.watching = true;
    let since = "";
    let failures = 0;
    const loop = async () => {
      while (this.watching) {
        try {
          const generation = this.generation;
          this.polling = since === "" ? undefined : since;
          const { version } = await clients()
            .inventory.products.catalogChanges.query({ since, waitMs: WATCH_WAIT_MS })
            .finally(() => {
              this.polling = undefined;
            });
          if (!this.watching) break;
          const moved = since !== "" && version !== since;
          // Polled before a forget(): ask again with this version, which answers at once if it moved.
          if (generation === this.generation) this.watched = version;
          since = version;
          failures = 0;
          if (moved) {
            // Under orders the catalog moves with every sale, and polling again at
            // once would cost a round trip (and Inventory a look at its stock) per
            // order, for nobody. So after a change the watch rests, vouching for
            // nothing (every read asks Inventory), until the next catalog read: that
            // read opens the next poll, and its own look at Inventory, matching the
            // version the poll waits on, lets the watch vouch again (check()).
            this.watched = undefined;
            await new Promise<void>((resolve) => {
              this.resume = () => {
                this.resume = undefined;
                resolve();
              };
            });
          }
        } catch (err) {
          // Until the watch is back, every request asks Inventory itself.
          this.watched = undefined;
          since = "";
          failures++;
          if (failures === 1) log.warn({ err: (err as Error).message }, "catalog watch lost; retrying");
          await new Promise((r) => setTimeout(r, Math.min(250 * 2 ** failures, 5_000)).unref());
        }
      }
      this.watched = undefined;
    };
    void loop();
    return () => {
      this.watching = false;
      this.watched = undefined;
      this.resume?.();
    };
  }
}
