import pg from "pg";

/**
 * The products triggers' notifications, as a service hears them: Inventory's
 * catalog cache and Orders' sold-out gate both listen (one connection each,
 * straight to PostgreSQL: LISTEN needs a session, which PgBouncer in
 * transaction mode does not keep).
 */

/** Channels the catalog migrations' triggers notify on (see their SQL). */
export const CONTENT_CHANGED_CHANNEL = "catalog_content_changed";
export const STOCK_CHANGED_CHANNEL = "product_stock_changed";
/** Products that ran out or came back (their sold_out flipped); also told as stock changes. */
export const SOLD_OUT_CHANGED_CHANNEL = "product_sold_out_changed";

export interface ProductChangeHandlers {
  /** A product's content changed; the payload is the new catalog version. */
  onContentChange(version: string): void;
  /** Stock of these products changed ("all": too many to name). */
  onStockChange?(ids: string[] | "all"): void;
  /** These products ran out or came back ("all": too many to name); their stock change is told too. */
  onSoldOutChange?(ids: string[] | "all"): void;
  /** Connected (true) or lost (false): while lost, nothing may be cached. */
  onListening(listening: boolean): void;
}

/** Where a lost connection is reported (a service's pino logger fits). */
export interface ListenerLog {
  warn(fields: object, message: string): void;
}

/**
 * LISTEN to the catalog's change channels on a connection of its own, reconnecting with a
 * growing delay (up to 5 s) when the database goes away. Returns stop().
 */
export function listenForProductChanges(
  url: string,
  handlers: ProductChangeHandlers,
  log: ListenerLog,
): () => Promise<void> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retryDelayMs = 250;
  let retryTimer: NodeJS.Timeout | undefined;

  const connect = async () => {
    if (stopped) return;
    const next = new pg.Client({ connectionString: url });
    client = next;
    const lost = (err?: Error) => {
      if (client !== next) return;
      client = undefined;
      handlers.onListening(false);
      if (stopped) return;
      log.warn(
        { err: err?.message, retryInMs: retryDelayMs },
        "lost the product change listener; reconnecting",
      );
      retryTimer = setTimeout(() => void connect(), retryDelayMs);
      retryTimer.unref();
      retryDelayMs = Math.min(retryDelayMs * 2, 5_000);
    };
    next.on("error", lost);
    next.on("end", () => lost());
    next.on("notification", (message) => {
      const payload = message.payload ?? "";
      if (message.channel === CONTENT_CHANGED_CHANNEL) handlers.onContentChange(payload);
      else if (message.channel === STOCK_CHANGED_CHANNEL) handlers.onStockChange?.(idsOf(payload));
      else if (message.channel === SOLD_OUT_CHANGED_CHANNEL) handlers.onSoldOutChange?.(idsOf(payload));
    });
    try {
      await next.connect();
      await next.query(
        // Only the channels handled: every notification wakes the process (on
        // the stock channel, one per order), so a listener that needs only
        // the rare ones does not hear the rest.
        [
          CONTENT_CHANGED_CHANNEL,
          ...(handlers.onStockChange ? [STOCK_CHANGED_CHANNEL] : []),
          ...(handlers.onSoldOutChange ? [SOLD_OUT_CHANGED_CHANNEL] : []),
        ]
          .map((channel) => `LISTEN ${channel}`)
          .join("; "),
      );
      retryDelayMs = 250;
      handlers.onListening(true);
    } catch (err) {
      await next.end().catch(() => undefined);
      lost(err as Error);
    }
  };
  void connect();

  return async () => {
    stopped = true;
    clearTimeout(retryTimer);
    const current = client;
    client = undefined;
    await current?.end().catch(() => undefined);
  };
}

const idsOf = (payload: string): string[] | "all" =>
  payload === "*" ? "all" : payload.split(",").filter(Boolean);
