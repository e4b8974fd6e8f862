import { trace, type Tracer } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, type SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";
import { PrismaInstrumentation } from "@prisma/instrumentation";

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
 * off otherwise, at no cost. Tests pass their own span processor.
 */
export function startTracing(
  service: string,
  options: { env?: NodeJS.ProcessEnv; spanProcessor?: SpanProcessor } = {},
): Tracing | undefined {
  const env = options.env ?? process.env;
  const processor =
    options.spanProcessor ??
    (env.OTEL_EXPORTER_OTLP_ENDPOINT ? new BatchSpanProcessor(new OTLPTraceExporter()) : undefined);
  if (!processor) return undefined;

  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME ?? `shop-${service}` }),
    spanProcessors: [processor],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  registerInstrumentations({ tracerProvider: provider, instrumentations: [new PrismaInstrumentation()] });
  return { shutdown: () => provider.shutdown() };
}
