import { createLogger } from "@shop/service";
import { undeclaredRoutes } from "@shop/service/testing";
import { describe, expect, it } from "vitest";
import { createOrdersApp } from "../src/app.ts";

// Building the app touches neither the database nor other services.
const unused = {} as never;

describe("the OpenAPI document", () => {
  it("lists every REST route the app answers: none is declared outside createRoute", async () => {
    const app = createOrdersApp({
      db: unused,
      log: createLogger("orders", "silent"),
      adminToken: "x".repeat(32),
      serviceToken: "y".repeat(32),
      payments: unused,
    });
    expect(await undeclaredRoutes(app)).toEqual([]);
  });
});
