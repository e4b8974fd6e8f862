import { describe, expect, it } from "vitest";
import { readOrdersEnv } from "../src/env.ts";

const base = {
  DATABASE_URL: "postgresql://localhost/shop",
  ADMIN_TOKEN: "a-long-enough-admin-token",
  SERVICE_TOKEN: "a-long-enough-service-token",
};

describe("readOrdersEnv", () => {
  it("defaults: port 4002, Payments on 127.0.0.1:4003, 5 s timeout, 24 h keys", () => {
    expect(readOrdersEnv(base)).toMatchObject({
      port: 4002,
      host: "127.0.0.1",
      metricsPort: 9402,
      metricsHost: "127.0.0.1",
      serviceToken: "a-long-enough-service-token",
      paymentsUrl: "http://127.0.0.1:4003",
      paymentsTimeoutMs: 5_000,
      idempotencyTtlMs: 24 * 3_600_000,
    });
  });

  it("mail: .eml files unless SMTP_URL is set; MAIL_FROM has a default", () => {
    expect(readOrdersEnv(base)).toMatchObject({ smtpUrl: undefined, mailFrom: "Shop <orders@shop.local>" });
    expect(
      readOrdersEnv({ ...base, SMTP_URL: "smtp://mail.internal:2525", MAIL_FROM: "Mugs <hi@mugs.test>" }),
    ).toMatchObject({ smtpUrl: "smtp://mail.internal:2525", mailFrom: "Mugs <hi@mugs.test>" });
  });

  it("follows PAYMENTS_PORT when PAYMENTS_URL is unset, and PAYMENTS_URL when set", () => {
    expect(readOrdersEnv({ ...base, PAYMENTS_PORT: "5003" }).paymentsUrl).toBe("http://127.0.0.1:5003");
    expect(
      readOrdersEnv({ ...base, PAYMENTS_PORT: "5003", PAYMENTS_URL: "https://payments.internal" })
        .paymentsUrl,
    ).toBe("https://payments.internal");
  });

  it("listens where HOST and METRICS_PORT say", () => {
    expect(readOrdersEnv({ ...base, HOST: "0.0.0.0", METRICS_PORT: "9464" })).toMatchObject({
      host: "0.0.0.0",
      metricsPort: 9464,
    });
  });

  it("refuses to start without the service credential", () => {
    expect(() => readOrdersEnv({ ...base, SERVICE_TOKEN: undefined })).toThrow(/SERVICE_TOKEN/);
  });

  it.each([
    ["PAYMENTS_URL", "ftp://payments"],
    ["PAYMENTS_URL", "not a url"],
    ["PAYMENTS_TIMEOUT_MS", "0"],
    ["PAYMENTS_TIMEOUT_MS", "soon"],
    ["SMTP_URL", "http://mail.example.com"],
    ["SMTP_URL", "not a url"],
    ["MAIL_FROM", "nobody"],
  ])("refuses %s=%s with a message naming it", (name, value) => {
    expect(() => readOrdersEnv({ ...base, [name]: value })).toThrow(name);
  });
});
