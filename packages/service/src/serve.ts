import { serve, type ServerType } from "@hono/node-server";
import type { Hono } from "hono";
import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "pino";

export interface RunningService {
  server: ServerType;
  port: number;
  /**
   * Drains and stops: /readyz answers 503 at once (the load balancer takes
   * the process out of rotation) while everything else is still served for
   * `drainDelayMs`; then no new connections, in-flight requests finish
   * within `drainTimeoutMs`, then the cleanups.
   */
  close(): Promise<void>;
  /** True from the moment close() was called. */
  readonly draining: boolean;
}

/** Where services listen unless HOST says otherwise: this machine only (containers set HOST=0.0.0.0). */
export const DEFAULT_HOST = "127.0.0.1";

export interface ServeOptions {
  name: string;
  port: number;
  /** The address to listen on; DEFAULT_HOST (loopback) unless given. */
  host?: string;
  log: Logger;
  /** Run after the HTTP server has drained (disconnect the database, ...). */
  onClose?: () => Promise<void>;
  /** How long in-flight requests may take to finish on shutdown (SHUTDOWN_TIMEOUT_MS). */
  drainTimeoutMs?: number;
  /**
   * How long /readyz fails before the listener closes, so that a load
   * balancer's health checks see it and stop sending (SHUTDOWN_DRAIN_DELAY_MS;
   * 0 by default: `pnpm start`'s Ctrl-C stays instant).
   */
  drainDelayMs?: number;
}

/** How long the cleanups after the drain (closing pools, flushing spans) may take. */
const CLEANUP_TIMEOUT_MS = 5_000;

const drainingAnswer = () =>
  new Response(JSON.stringify({ error: "service_unavailable", message: "This process is shutting down" }), {
    status: 503,
    headers: { "content-type": "application/json; charset=utf-8", connection: "close" },
  });

/** Starts an app on a port and resolves once it is listening. */
export async function startService(
  app: { fetch: Hono["fetch"] },
  options: ServeOptions,
): Promise<RunningService> {
  const drainTimeoutMs = options.drainTimeoutMs ?? 10_000;
  const drainDelayMs = options.drainDelayMs ?? 0;
  let draining = false;
  const fetch: Hono["fetch"] = async (req, ...rest) => {
    if (!draining) return app.fetch(req, ...rest);
    if (new URL(req.url).pathname === "/readyz") return drainingAnswer();
    // Still served, but the client opens its next connection elsewhere.
    const res = await app.fetch(req, ...rest);
    const closing = new Response(res.body, res);
    closing.headers.set("connection", "close");
    return closing;
  };
  const { server, port } = await new Promise<{ server: ServerType; port: number }>((resolve, reject) => {
    const hostname = options.host ?? DEFAULT_HOST;
    const server = serve({ fetch, port: options.port, hostname }, (info) =>
      resolve({ server, port: info.port }),
    );
    server.once("error", reject);
  });
  options.log.info(
    { port, host: options.host ?? DEFAULT_HOST },
    `${options.name} listening on http://${options.host ?? DEFAULT_HOST}:${port}`,
  );

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      draining = true;
      if (drainDelayMs > 0) {
        options.log.info({ drainDelayMs }, "draining: /readyz fails, requests are still served");
        await sleep(drainDelayMs);
      }
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => {
          if ("closeAllConnections" in server) server.closeAllConnections();
          resolve();
        }, drainTimeoutMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        // Idle keep-alive sockets would otherwise hold close() open until they time out.
        if ("closeIdleConnections" in server) server.closeIdleConnections();
      });
      // Cleanups get a deadline too: a pool waits for the connection of a
      // request that was cut, and the process must still stop.
      const cleaned = Promise.resolve(options.onClose?.());
      const late = await Promise.race([
        cleaned.then(() => false),
        sleep(CLEANUP_TIMEOUT_MS, true, { ref: false }),
      ]);
      if (late)
        options.log.warn({ cleanupTimeoutMs: CLEANUP_TIMEOUT_MS }, "cleanup did not finish; stopping anyway");
    })());
  return {
    server,
    port,
    close,
    get draining() {
      return draining;
    },
  };
}

/** SIGTERM / SIGINT: drain and exit 0; a second signal exits at once. */
export function closeOnSignals(service: RunningService, log: Logger): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    log.info({ signal }, "shutting down");
    service.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
