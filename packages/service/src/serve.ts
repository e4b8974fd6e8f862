import { serve, type ServerType } from "@hono/node-server";
import type { Hono } from "hono";
import type { Logger } from "pino";

export interface RunningService {
  server: ServerType;
  port: number;
  /** Stops accepting connections, lets in-flight requests finish, then runs the cleanups. */
  close(): Promise<void>;
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
  /** How long in-flight requests may take to finish on shutdown. */
  drainTimeoutMs?: number;
}

/** Starts an app on a port and resolves once it is listening. */
export async function startService(
  app: { fetch: Hono["fetch"] },
  options: ServeOptions,
): Promise<RunningService> {
  const drainTimeoutMs = options.drainTimeoutMs ?? 10_000;
  const { server, port } = await new Promise<{ server: ServerType; port: number }>((resolve, reject) => {
    const hostname = options.host ?? DEFAULT_HOST;
    const server = serve({ fetch: app.fetch, port: options.port, hostname }, (info) =>
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
      await options.onClose?.();
    })());
  return { server, port, close };
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
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}
