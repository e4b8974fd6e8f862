export { createServiceMetrics, type ServiceMetrics } from "./metrics.ts";
export { startTracing, tracer, type Tracing } from "./tracing.ts";
export { httpTelemetry } from "./http-telemetry.ts";
export { tracedFetch } from "./traced-fetch.ts";
export { databaseSpan } from "./database-span.ts";
export type { Counter } from "prom-client";
