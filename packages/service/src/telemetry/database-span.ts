import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { tracer } from "./tracing.ts";

/**
 * A client span around one statement sent to PostgreSQL without Prisma (whose
 * own instrumentation names its queries "prisma:..."), named and labelled as
 * OpenTelemetry's database conventions say: "SELECT place_order". With
 * tracing off the tracer is a no-op and this costs next to nothing.
 */
export async function databaseSpan<T>(operation: string, target: string, run: () => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(
    `${operation} ${target}`,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        "db.system.name": "postgresql",
        "db.operation.name": operation,
        "db.collection.name": target,
      },
    },
    async (span) => {
      try {
        return await run();
      } catch (err) {
        span.recordException(err as Error);
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw err;
      } finally {
        span.end();
      }
    },
  );
}
