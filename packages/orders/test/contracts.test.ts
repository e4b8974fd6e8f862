import { ListOrdersInput, ORDER_LINES_MAX, ORDER_PAGE_DEFAULT, PlaceOrderInput } from "@shop/contracts";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "../src/domain/cursor.ts";

/** The zod contracts both doors validate with, on their own. */
const ID = "0a000000-0000-4000-8000-000000000000";
const line = (overrides: Record<string, unknown> = {}) => ({ productId: ID, qty: 1, ...overrides });

describe("PlaceOrderInput", () => {
  it("accepts 1 to 100 well-formed lines", () => {
    expect(PlaceOrderInput.safeParse({ items: [line()] }).success).toBe(true);
    const most = Array.from({ length: ORDER_LINES_MAX }, () => line());
    expect(PlaceOrderInput.safeParse({ items: most }).success).toBe(true);
  });

  it.each([
    ["no items", { items: [] }, "items"],
    ["missing items", {}, "items"],
    ["items not an array", { items: line() }, "items"],
    ["a qty of 0", { items: [line({ qty: 0 })] }, "items.0.qty"],
    ["a negative qty", { items: [line({ qty: -1 })] }, "items.0.qty"],
    ["a fractional qty", { items: [line({ qty: 1.5 })] }, "items.0.qty"],
    ["a huge qty", { items: [line({ qty: 1e9 })] }, "items.0.qty"],
    ["a qty as a string", { items: [line({ qty: "1" })] }, "items.0.qty"],
    ["a missing qty", { items: [{ productId: ID }] }, "items.0.qty"],
    ["a malformed product id", { items: [line({ productId: "mug" })] }, "items.0.productId"],
    ["a snake_case product id", { items: [{ product_id: ID, qty: 1 }] }, "items.0.productId"],
    ["an unknown field in a line", { items: [line({ price_cents: 1 })] }, "items.0"],
    ["an unknown field in the body", { items: [line()], total_cents: 1 }, ""],
    ["more than 100 lines", { items: Array.from({ length: ORDER_LINES_MAX + 1 }, () => line()) }, "items"],
  ])("refuses %s", (_, body, path) => {
    const parsed = PlaceOrderInput.safeParse(body);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toContain(path);
  });
});

describe("ListOrdersInput", () => {
  it("takes query strings: limit is coerced, and defaults", () => {
    expect(ListOrdersInput.parse({})).toEqual({ limit: ORDER_PAGE_DEFAULT });
    expect(ListOrdersInput.parse({ limit: "5", status: "PAID" })).toEqual({ limit: 5, status: "PAID" });
  });

  it.each([
    { limit: "0" },
    { limit: "101" },
    { limit: "2.5" },
    { limit: "x" },
    { status: "paid" },
    { page: "2" },
  ])("refuses %o", (query) => {
    expect(ListOrdersInput.safeParse(query).success).toBe(false);
  });
});

describe("the orders index cursor", () => {
  it("gives back the position it was made from", () => {
    const position = { createdAt: new Date("2026-01-02T03:04:05.678Z"), id: ID };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it.each([
    ["not base64 JSON", "definitely-not-a-cursor"],
    ["JSON of the wrong shape", Buffer.from('{"id":1}').toString("base64url")],
    [
      "a malformed id",
      Buffer.from('{"createdAt":"2026-01-01T00:00:00.000Z","id":"x"}').toString("base64url"),
    ],
  ])("refuses %s as validation_failed", (_, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(
      expect.objectContaining({
        code: "validation_failed",
        details: [expect.objectContaining({ path: "cursor" })],
      }),
    );
  });
});
