import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * One Prometheus registry per app (not prom-client's global one), so that
 * tests running several apps in one process keep their numbers apart.
 * GET /metrics serves it in the Prometheus text format.
 */
export interface ServiceMetrics {
  registry: Registry;
  httpRequests: Counter<"method" | "route" | "status">;
  httpDuration: Histogram<"method" | "route" | "status">;
  /** A counter of this service's own, registered on the same registry. */
  counter<L extends string>(name: string, help: string, labelNames?: readonly L[]): Counter<L>;
}

export function createServiceMetrics(
  service: string,
  options: { processMetrics?: boolean } = {},
): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  // Process metrics (CPU, memory, event loop lag) once per process: main.ts turns them on.
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({
      name: "http_requests_total",
      help: "HTTP requests answered, by method, route pattern and status",
      labelNames: ["method", "route", "status"],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: "http_request_duration_seconds",
      help: "Time to answer an HTTP request, by method, route pattern and status",
      labelNames: ["method", "route", "status"],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    counter: (name, help, labelNames = []) =>
      new Counter({ name, help, labelNames: [...labelNames], registers: [registry] }),
  };
}
