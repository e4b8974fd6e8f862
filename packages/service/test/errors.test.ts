import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "../src/database-errors.ts";
import { ServiceError, toServiceError } from "../src/errors.ts";

describe("toServiceError", () => {
  it("keeps a ServiceError as it is", () => {
    const err = new ServiceError("not_found", "Product x not found");
    expect(toServiceError(err)).toBe(err);
  });

  it.each([
    [
      "a refused connection",
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
    ],
    ["a server shutting down", Object.assign(new Error("terminating connection"), { code: "57P01" })],
    [
      "an exhausted pool (P2024)",
      Object.assign(new Error("Timed out fetching a new connection"), { code: "P2024" }),
    ],
    [
      "a transaction that could not start (P2028)",
      Object.assign(new Error("Unable to start a transaction"), { code: "P2028" }),
    ],
    [
      "a cause deep down",
      new Error("query failed", { cause: new Error("Connection terminated unexpectedly") }),
    ],
  ])("answers %s with 503 service_unavailable", (_what, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
    expect(toServiceError(err).toBody()).toMatchObject({ error: "service_unavailable" });
    expect(toServiceError(err).status).toBe(503);
  });

  it("answers anything else with a 500 that gives nothing away", () => {
    const body = toServiceError(
      new Error('syntax error at or near "SELEC" in SELECT * FROM secrets'),
    ).toBody();
    expect(body).toEqual({ error: "internal_error", message: expect.any(String) });
    expect(body.message).not.toMatch(/SELEC|secrets/);
  });

  it("turns validation issues into 400 with one detail per field", () => {
    const err = toServiceError({ issues: [{ path: ["items", 0, "qty"], message: "must be at least 1" }] });
    expect(err.status).toBe(400);
    expect(err.toBody()).toMatchObject({ error: "validation_failed", details: [{ path: "items.0.qty" }] });
  });
});
