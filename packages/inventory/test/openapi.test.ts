import { createLogger } from "@shop/service";
import { undeclaredRoutes } from "@shop/service/testing";
import { describe, expect, it } from "vitest";
import { createInventoryApp } from "../src/app.ts";

// Building the app touches neither the database nor other services.
const unused = {} as never;

describe("the OpenAPI document", () => {
  it("lists every REST route the app answers: none is declared outside createRoute", async () => {
    const app = createInventoryApp({
      db: unused,
      log: createLogger("inventory", "silent"),
      adminToken: "x".repeat(32),
      serviceToken: "y".repeat(32),
    });
    expect(await undeclaredRoutes(app)).toEqual([]);
  });
});
