import type { LevelWithSilent } from "pino";
import { readShutdownEnv, type ListenEnv } from "./env.ts";
import { createMetricsApp } from "./http/create-service-app.ts";
import { createLogger, type Logger } from "./logger.ts";
import { closeOnSignals, startService, type RunningService } from "./serve.ts";
import { createServiceMetrics, type ServiceMetrics } from "./telemetry/metrics.ts";
import { startTracing } from "./telemetry/tracing.ts";

export interface ServiceParts<E> {
  env: E;
  log: Logger;
  /** With process metrics (CPU, memory, event loop), for the app's /metrics. */
  metrics: ServiceMetrics;
}

export interface BuiltService {
  app: Parameters<typeof startService>[0];
  /** Run after the server has drained (close pools, stop timers), before traces are flushed. */
  onClose?: () => Promise<void> | void;
}

/**
 * A service process from start to graceful stop, the same for every part:
 * tracing first (Prisma's instrumentation must be in place before its
 * client), the environment read and checked, a logger and metrics, the app
 * `build` makes, served on its port and host (HOST, loopback by default), and
 * /metrics alone on METRICS_PORT (loopback by default); on SIGTERM/SIGINT
 * /readyz fails first, the server drains (SHUTDOWN_DRAIN_DELAY_MS,
 * SHUTDOWN_TIMEOUT_MS), then `onClose`, then the last spans are flushed.
 */
export async function runService<E extends ListenEnv & { logLevel: LevelWithSilent }>(
  name: string,
  readEnv: () => E,
  build: (parts: ServiceParts<E>) => BuiltService | Promise<BuiltService>,
): Promise<RunningService> {
  const tracing = await startTracing(name);
  const env = readEnv();
  const shutdown = readShutdownEnv();
  const log = createLogger(name, env.logLevel);
  const metrics = createServiceMetrics(name, { processMetrics: true });
  const { app, onClose } = await build({ env, log, metrics });
  const metricsServer = await startService(createMetricsApp(metrics), {
    name: `${name} metrics`,
    port: env.metricsPort,
    host: env.metricsHost,
    log,
    drainTimeoutMs: 1_000,
  });
  const service = await startService(app, {
    name,
    port: env.port,
    host: env.host,
    log,
    ...shutdown,
    onClose: async () => {
      await metricsServer.close();
      await onClose?.();
      await tracing?.shutdown();
    },
  });
  closeOnSignals(service, log);
  return service;
}
