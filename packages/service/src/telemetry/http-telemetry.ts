import { context, propagation, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { createMiddleware } from "hono/factory";
import { routePath } from "hono/route";
import type { ServiceHonoEnv } from "../http/types.ts";
import type { ServiceMetrics } from "./metrics.ts";
import { tracer } from "./tracing.ts";

const headerGetter = {
  keys: (headers: Headers) => [...headers.keys()],
  get: (headers: Headers, key: string) => headers.get(key) ?? undefined,
};

/**
 * One server span and one metrics sample per request. The span continues the
 * caller's trace (W3C traceparent) and is the parent of everything the
 * request does: Prisma queries, calls to other services. Routes are labelled
 * by their pattern (/products/:id), never the raw path, so labels stay few.
 */
export function httpTelemetry(metrics: ServiceMetrics) {
  return createMiddleware<ServiceHonoEnv>(async (c, next) => {
    const parent = propagation.extract(context.active(), c.req.raw.headers, headerGetter);
    const span = tracer().startSpan(
      `${c.req.method} ${c.req.path}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          "http.request.method": c.req.method,
          "url.path": c.req.path,
          "shop.request_id": c.get("requestId"),
        },
      },
      parent,
    );
    const started = performance.now();
    try {
      await context.with(trace.setSpan(parent, span), next);
    } finally {
      const status = c.res.status;
      const matched = routePath(c, -1);
      const route = status === 404 && matched.endsWith("*") ? "unmatched" : matched;
      span.updateName(`${c.req.method} ${route}`);
      span.setAttributes({ "http.route": route, "http.response.status_code": status });
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      const labels = { method: c.req.method, route, status: String(status) };
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, (performance.now() - started) / 1000);
    }
  });
}
