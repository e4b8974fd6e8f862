import { describe, expect, it } from "vitest";
import { readPaymentsEnv } from "../src/env.ts";

const base = {
  DATABASE_URL: "postgresql://localhost/shop",
  ADMIN_TOKEN: "x".repeat(16),
  SERVICE_TOKEN: "s".repeat(16),
};

describe("readPaymentsEnv", () => {
  it("defaults to every charge succeeding and a 24-hour key window", () => {
    expect(readPaymentsEnv(base)).toMatchObject({
      successRate: 1,
      idempotencyTtlMs: 86_400_000,
      port: 4003,
      host: "127.0.0.1",
      metricsPort: 9403,
    });
  });

  it("reads PAYMENTS_SUCCESS_RATE and IDEMPOTENCY_TTL_HOURS", () => {
    expect(
      readPaymentsEnv({ ...base, PAYMENTS_SUCCESS_RATE: "0.25", IDEMPOTENCY_TTL_HOURS: "2" }),
    ).toMatchObject({ successRate: 0.25, idempotencyTtlMs: 7_200_000 });
  });

  it.each(["1.5", "-0.1", "half"])("refuses PAYMENTS_SUCCESS_RATE=%s", (rate) => {
    expect(() => readPaymentsEnv({ ...base, PAYMENTS_SUCCESS_RATE: rate })).toThrow(/PAYMENTS_SUCCESS_RATE/);
  });
});
