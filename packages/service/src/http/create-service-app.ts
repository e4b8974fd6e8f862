import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import type { Logger } from "pino";
import { z } from "zod";
import { ServiceError } from "../errors.ts";
import { onRouteNotFound, onServiceError } from "./error-handler.ts";
import { createServiceMetrics, type ServiceMetrics } from "../telemetry/metrics.ts";
import { httpTelemetry } from "../telemetry/http-telemetry.ts";
import { errorAnswer, jsonAnswer, throwValidationFailed } from "./openapi.ts";
import { requestContext } from "./request-context.ts";
import type { ServiceHonoEnv } from "./types.ts";

/** Bodies are small JSON documents; anything bigger is refused before it is read. */
export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

export interface ServiceAppOptions {
  /** The service's name: the `service` label of its metrics. */
  name: string;
  log: Logger;
  /**
   * The token admin requests must present. Absent for the gateway, which
   * checks nothing itself and passes the caller's token through to services.
   */
  adminToken?: string;
  /** Resolves true when the service can do its work (its database, or the services behind it, answer). */
  isReady: () => Promise<boolean>;
  /** What /readyz says when isReady is false. */
  notReadyMessage?: string;
  bodyLimitBytes?: number;
  /** Routes allowed a bigger body than bodyLimitBytes (uploads), by method and path. */
  bodyLimits?: ReadonlyArray<{ method: string; path: RegExp; maxBytes: number }>;
  /** Where request metrics go (and the service's own counters); one is made if absent. */
  metrics?: ServiceMetrics;
}

/**
 * The Hono app every service starts from: security headers, request ids and
 * request logs, a span and metrics per request, a body size limit,
 * `/healthz`, `/readyz` and `/metrics`, and JSON errors for everything,
 * including unknown routes.
 */
export function createServiceApp(options: ServiceAppOptions): OpenAPIHono<ServiceHonoEnv> {
  const limit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const app = new OpenAPIHono<ServiceHonoEnv>({ defaultHook: throwValidationFailed });
  const metrics = options.metrics ?? createServiceMetrics(options.name);
  // A route may set one of these itself (images: Cross-Origin-Resource-Policy), and keeps it.
  app.use(secureHeaders({ overwrite: false }));
  app.use(requestContext(options.log, options.adminToken));
  app.use(httpTelemetry(metrics));
  const limiter = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new ServiceError("payload_too_large", `The request body is larger than ${maxSize} bytes`);
      },
    });
  const defaultLimiter = limiter(limit);
  const routeLimiters = (options.bodyLimits ?? []).map((rule) => ({
    ...rule,
    check: limiter(rule.maxBytes),
  }));
  app.use((c, next) => {
    const rule = routeLimiters.find((r) => r.method === c.req.method && r.path.test(c.req.path));
    return (rule?.check ?? defaultLimiter)(c, next);
  });
  app.onError(onServiceError);
  app.notFound(onRouteNotFound);

  // Liveness: the process answers. Readiness: it can do its work.
  app.openapi(healthz, (c) => c.json({ status: "ok" as const }, 200));
  app.openapi(readyz, async (c) => {
    if (await options.isReady()) return c.json({ status: "ready" as const }, 200);
    throw new ServiceError("service_unavailable", options.notReadyMessage ?? "The database is not reachable");
  });
  // Prometheus scrapes this; the services sit on an internal network, and
  // the numbers hold no customer data.
  app.openapi(metricsRoute, async (c) => {
    c.header("content-type", metrics.registry.contentType);
    return c.body(await metrics.registry.metrics(), 200);
  });
  return app;
}

const healthz = createRoute({
  method: "get",
  path: "/healthz",
  summary: "The process is up",
  responses: { 200: jsonAnswer("ok", z.object({ status: z.literal("ok") })) },
});

const readyz = createRoute({
  method: "get",
  path: "/readyz",
  summary: "The service can do its work (its database, or the services behind it, answer)",
  responses: {
    200: jsonAnswer("ready", z.object({ status: z.literal("ready") })),
    503: errorAnswer("Not ready (service_unavailable)"),
  },
});

const metricsRoute = createRoute({
  method: "get",
  path: "/metrics",
  summary: "Prometheus metrics: requests by route and status, latencies, the service's own counters",
  responses: { 200: { description: "Prometheus text format" } },
});
