import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { Hono, type Context, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Logger } from "pino";
import { z } from "zod";
import { ServiceError } from "../errors.ts";
import { auditTrail, type AuditSink } from "./audit-trail.ts";
import type { Credentials } from "./service-credential.ts";
import { onRouteNotFound, onServiceError } from "./error-handler.ts";
import { createServiceMetrics, type ServiceMetrics } from "../telemetry/metrics.ts";
import { httpTelemetry } from "../telemetry/http-telemetry.ts";
import { errorAnswer, jsonAnswer, throwValidationFailed } from "./openapi.ts";
import { readJsonBodiesFromNode } from "./request-body.ts";
import { requestContext } from "./request-context.ts";
import { securityHeaders } from "./security-headers.ts";
import type { ServiceHonoEnv } from "./types.ts";

/** Bodies are small JSON documents; anything bigger is refused before it is read. */
export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

export interface ServiceAppOptions {
  /** The service's name: the `service` label of its metrics. */
  name: string;
  log: Logger;
  /**
   * The token admin requests must present. Absent for the gateway, which
   * passes the caller's token through to services.
   */
  adminToken?: string;
  /** The service credential (SERVICE_TOKEN) other parts of Shop present; see identify(). */
  serviceToken?: string;
  /** Resolves true when the service can do its work (its database, or the services behind it, answer). */
  isReady: () => Promise<boolean>;
  /** What /readyz says when isReady is false. */
  notReadyMessage?: string;
  bodyLimitBytes?: number;
  /** Routes allowed a bigger body than bodyLimitBytes (uploads), by method and path. */
  bodyLimits?: ReadonlyArray<{ method: string; path: RegExp; maxBytes: number }>;
  /** Where admin writes are recorded (who, what, when, request id); none when absent. */
  audit?: AuditSink;
  /** Where request metrics go (and the service's own counters); one is made if absent. */
  metrics?: ServiceMetrics;
}

/**
 * The Hono app every service starts from: security headers, request ids and
 * request logs, a span and metrics per request, a body size limit,
 * `/healthz` and `/readyz`, and JSON errors for everything, including unknown
 * routes. `/metrics` is not here: it is served on its own loopback port
 * (createMetricsApp, METRICS_PORT), never on the public one.
 */
export function createServiceApp(options: ServiceAppOptions): OpenAPIHono<ServiceHonoEnv> {
  const limit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const app = new OpenAPIHono<ServiceHonoEnv>({ defaultHook: throwValidationFailed });
  const metrics = options.metrics ?? createServiceMetrics(options.name);
  // A route may set one of these itself (images: Cross-Origin-Resource-Policy), and keeps it.
  app.use(securityHeaders());
  const credentials: Credentials = { adminToken: options.adminToken, serviceToken: options.serviceToken };
  app.use(requestContext(options.log, credentials));
  app.use(httpTelemetry(metrics));
  if (options.audit) app.use(auditTrail(options.audit));
  const limiter = (maxSize: number): MiddlewareHandler => {
    // The rest of the body is never read, so the connection cannot carry another
    // request: say so (Connection: close) rather than let a keep-alive client
    // send its next request into a socket about to be dropped.
    const tooLarge = (c: Context) => {
      const error = new ServiceError("payload_too_large", `The request body is larger than ${maxSize} bytes`);
      c.header("Connection", "close");
      return c.json(error.toBody(), 413);
    };
    const whileReading = bodyLimit({ maxSize, onError: tooLarge });
    return async (c, next) => {
      // Decided from the headers where they suffice, as hono's bodyLimit does, but
      // without first asking for c.req.raw.body: under @hono/node-server that builds
      // a whole web Request (a stream over the socket, undici's header checks) for
      // every request, a GET's too.
      if (c.req.method === "GET" || c.req.method === "HEAD") return next();
      const declared = c.req.header("content-length");
      if (declared !== undefined && c.req.header("transfer-encoding") === undefined) {
        if (Number.parseInt(declared, 10) > maxSize) return tooLarge(c);
        return next();
      }
      return whileReading(c, next); // no declared length: counted while it is read
    };
  };
  const defaultLimiter = limiter(limit);
  const routeLimiters = (options.bodyLimits ?? []).map((rule) => ({
    ...rule,
    check: limiter(rule.maxBytes),
  }));
  app.use((c, next) => {
    const rule = routeLimiters.find((r) => r.method === c.req.method && r.path.test(c.req.path));
    return (rule?.check ?? defaultLimiter)(c, next);
  });
  // After the limit: a body read straight from Node's request is one already allowed.
  app.use(readJsonBodiesFromNode());
  app.onError(onServiceError);
  app.notFound(onRouteNotFound);

  // Liveness: the process answers. Readiness: it can do its work.
  app.openapi(healthz, (c) => c.json({ status: "ok" as const }, 200));
  app.openapi(readyz, async (c) => {
    if (await options.isReady()) return c.json({ status: "ready" as const }, 200);
    throw new ServiceError("service_unavailable", options.notReadyMessage ?? "The database is not reachable");
  });
  return app;
}

/** `/metrics` alone, for the loopback METRICS_PORT runService opens beside the public port. */
export function createMetricsApp(metrics: ServiceMetrics): Hono {
  const app = new Hono();
  app.get("/metrics", async (c) => {
    c.header("content-type", metrics.registry.contentType);
    return c.body(await metrics.registry.metrics());
  });
  app.notFound((c) => c.json({ error: "not_found", message: "Only /metrics answers here" }, 404));
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
