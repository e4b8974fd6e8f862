import { trace, type Tracer } from "@opentelemetry/api";
import type { SpanProcessor } from "@opentelemetry/sdk-trace-base";

/** The tracer every Shop span comes from; a no-op until tracing is started. */
export const tracer = (): Tracer => trace.getTracer("shop");

export interface Tracing {
  shutdown(): Promise<void>;
}

/**
 * OpenTelemetry traces for one process: spans for the HTTP hops (see
 * http-telemetry.ts and traced-fetch.ts) and for every Prisma query, with W3C
 * trace context carried between services. Exported with OTLP/HTTP when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set (the standard OTEL_* variables apply);
 * off otherwise, at no cost: the SDK, the exporter and the instrumentation
 * are loaded only when tracing is on (loaded, they hold ~25 MB per process).
 * Tests pass their own span processor.
 */
export async function startTracing(
  service: string,
  options: { env?: NodeJS.ProcessEnv; spanProcessor?: SpanProcessor } = {},
): Promise<Tracing | undefined> {
  const env = options.env ?? process.env;
  if (!options.spanProcessor && !env.OTEL_EXPORTER_OTLP_ENDPOINT) return undefined;
  const [
    { W3CTraceContextPropagator },
    { registerInstrumentations },
    { resourceFromAttributes },
    { BatchSpanProcessor },
    { NodeTracerProvider },
    { ATTR_SERVICE_NAME },
    { PrismaInstrumentation },
  ] = await Promise.all([
    import("@opentelemetry/core"),
    import("@opentelemetry/instrumentation"),
    import("@opentelemetry/resources"),
    import("@opentelemetry/sdk-trace-base"),
    import("@opentelemetry/sdk-trace-node"),
    import("@opentelemetry/semantic-conventions"),
    import("@prisma/instrumentation"),
  ]);
  const processor =
    options.spanProcessor ??
    new BatchSpanProcessor(new (await import("@opentelemetry/exporter-trace-otlp-http")).OTLPTraceExporter());

  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME ?? `shop-${service}` }),
    spanProcessors: [processor],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  registerInstrumentations({ tracerProvider: provider, instrumentations: [new PrismaInstrumentation()] });
  return { shutdown: () => provider.shutdown() };
}
