import type { Logger } from "@shop/service";
import pg from "pg";

export const PRODUCTS_CHANGED_CHANNEL = "products_changed";

export interface ProductChangeHandlers {
  onChange(): void;
  /** Connected (true) or lost (false): while lost, nothing may be cached. */
  onListening(listening: boolean): void;
}

/**
 * LISTEN products_changed on a connection of its own, reconnecting with a
 * growing delay (up to 5 s) when the database goes away. Returns stop().
 */
export function listenForProductChanges(
  url: string,
  handlers: ProductChangeHandlers,
  log: Logger,
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
    next.on("notification", () => handlers.onChange());
    try {
      await next.connect();
      await next.query(`LISTEN ${PRODUCTS_CHANGED_CHANNEL}`);
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
