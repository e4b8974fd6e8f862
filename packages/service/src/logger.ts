import { isSpanContextValid, trace } from "@opentelemetry/api";
import { pino, type Logger, type LevelWithSilent } from "pino";

export type { Logger };

/** One structured JSON logger per service; request handlers log through a child carrying the request id. */
export function createLogger(service: string, level: LevelWithSilent = "info"): Logger {
  return pino({
    level,
    base: { service },
    // Never log credentials, even when a whole request is logged at debug level.
    redact: { paths: ["req.headers.authorization", "headers.authorization"], censor: "[redacted]" },
    // With tracing on, every line names its trace, so logs and spans join up.
    mixin() {
      const span = trace.getActiveSpan()?.spanContext();
      return span && isSpanContextValid(span) ? { traceId: span.traceId, spanId: span.spanId } : {};
    },
  });
}
