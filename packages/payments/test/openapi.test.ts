import { createLogger } from "@shop/service";
import { undeclaredRoutes } from "@shop/service/testing";
import { describe, expect, it } from "vitest";
import { createPaymentsApp } from "../src/app.ts";

// Building the app touches neither the database nor other services.
const unused = {} as never;

describe("the OpenAPI document", () => {
  it("lists every REST route the app answers: none is declared outside createRoute", async () => {
    const app = createPaymentsApp({
      db: unused,
      log: createLogger("payments", "silent"),
      adminToken: "x".repeat(32),
      serviceToken: "y".repeat(32),
    });
    // Payments answers only Shop's own services, its document too.
    expect(await undeclaredRoutes(app, { "x-service-token": "y".repeat(32) })).toEqual([]);
  });
});
