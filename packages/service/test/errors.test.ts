import { once } from "node:events";
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "../src/database-errors.ts";
import { ServiceError, toServiceError } from "../src/errors.ts";
import { isTimeoutError } from "../src/timeouts.ts";

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

  // How Prisma on the pg adapter reports a PostgreSQL error: the SQLSTATE sits
  // in meta.driverAdapterError.cause, not in the error's own code.
  const prismaError = (sqlState: string, message: string) =>
    Object.assign(new Error(`Database error. Code: \`${sqlState}\``), {
      name: "PrismaClientKnownRequestError",
      code: "P2039",
      meta: {
        driverAdapterError: new Error(message, { cause: { kind: "postgres", code: sqlState, message } }),
      },
    });

  it("answers text PostgreSQL cannot store (a NUL character) with 400, not 500", () => {
    const err = toServiceError(prismaError("22021", 'invalid byte sequence for encoding "UTF8": 0x00'));
    expect(err.status).toBe(400);
    expect(err.toBody()).toEqual({
      error: "validation_failed",
      message: expect.stringContaining("NUL"),
      details: [{ path: "", message: expect.stringContaining("NUL") }],
    });
    expect(err.message).not.toMatch(/UTF8|byte sequence/);
  });

  it("finds a database shutting down in Prisma's driver adapter error", () => {
    expect(toServiceError(prismaError("57P01", "terminating connection")).status).toBe(503);
  });

  // A raw query ($queryRaw) that cannot connect fails as P2010 "Raw query
  // failed", with only the adapter's cause.kind saying why.
  it.each(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"])(
    "answers a raw query failing with %s with 503",
    (kind) => {
      const err = Object.assign(new Error("Raw query failed. Code: `N/A`"), {
        name: "PrismaClientKnownRequestError",
        code: "P2010",
        meta: { driverAdapterError: new Error(kind, { cause: { kind } }) },
      });
      expect(toServiceError(err).status).toBe(503);
    },
  );

  it("turns validation issues into 400 with one detail per field", () => {
    const err = toServiceError({ issues: [{ path: ["items", 0, "qty"], message: "must be at least 1" }] });
    expect(err.status).toBe(400);
    expect(err.toBody()).toMatchObject({ error: "validation_failed", details: [{ path: "items.0.qty" }] });
  });
});

describe("isTimeoutError", () => {
  it("sees a timeout anywhere in the cause chain, and nothing else", async () => {
    // A server that accepts and never answers: the fetch's own timeout ends it.
    const silent = createServer(() => undefined).listen(0, "127.0.0.1");
    await once(silent, "listening");
    const { port } = silent.address() as { port: number };
    const timedOut = await fetch(`http://127.0.0.1:${port}`, { signal: AbortSignal.timeout(50) }).catch(
      (e: unknown) => e,
    );
    silent.close();
    expect(isTimeoutError(timedOut)).toBe(true);
    expect(isTimeoutError(new Error("wrapped", { cause: new DOMException("late", "TimeoutError") }))).toBe(
      true,
    );
    expect(isTimeoutError(new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED") }))).toBe(
      false,
    );
    expect(isTimeoutError("TimeoutError")).toBe(false);
  });
});

describe("ServiceError's stack", () => {
  it("is one line of text for an answer to the client (4xx), and a trace for a fault (5xx)", () => {
    const refused = new ServiceError("insufficient_stock", "Not enough stock for: Mug");
    expect(refused.stack).toBe("ServiceError: Not enough stock for: Mug");
    const fault = new ServiceError("service_unavailable", "The database is not reachable");
    expect(fault.stack).toMatch(/^ServiceError: The database is not reachable\n\s+at /);
  });
});
