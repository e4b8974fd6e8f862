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
    // A plain record, as the clients pass them: a Headers object would check every
    // name and value again per call, for a traceparent that is absent when tracing is off.
    const given = init.headers;
    const headers: Record<string, string> =
      given === undefined || given instanceof Headers || Array.isArray(given)
        ? Object.fromEntries(new Headers(given))
        : ({ ...given } as Record<string, string>);
    propagation.inject(trace.setSpan(context.active(), span), headers);
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
