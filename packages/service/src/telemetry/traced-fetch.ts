import { context, propagation, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { tracer } from "./tracing.ts";

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * A fetch that makes a client span for the call and carries the trace to the
 * service called (traceparent header), so one trace runs gateway → service →
 * database. Without tracing started, it only forwards the call.
 */
export function tracedFetch(target: string, fetchImpl: Fetch): Fetch {
  return async (url, init) => {
    const method = init.method ?? "GET";
    const span = tracer().startSpan(`${method} ${target}`, {
      kind: SpanKind.CLIENT,
      attributes: { "http.request.method": method, "url.full": url, "shop.target": target },
    });
    const headers = new Headers(init.headers);
    propagation.inject(trace.setSpan(context.active(), span), headers, {
      set: (carrier, key, value) => carrier.set(key, value),
    });
    try {
      const res = await fetchImpl(url, { ...init, headers });
      span.setAttribute("http.response.status_code", res.status);
      if (res.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      return res;
    } catch (err) {
      span.recordException(err as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
      throw err;
    } finally {
      span.end();
    }
  };
}
