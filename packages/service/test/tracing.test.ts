import { describe, expect, it } from "vitest";
import { startTracing } from "../src/telemetry/tracing.ts";

describe("startTracing", () => {
  it("is off without OTEL_EXPORTER_OTLP_ENDPOINT (and loads no SDK)", async () => {
    expect(await startTracing("test", { env: {} })).toBeUndefined();
  });

  it("exports over OTLP/HTTP when an endpoint is set", async () => {
    const tracing = await startTracing("test", {
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:9" },
    });
    expect(tracing).toBeDefined();
    await tracing?.shutdown();
  });
});
