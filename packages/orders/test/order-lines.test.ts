import { ORDER_QTY_MAX, ORDER_TOTAL_MAX } from "@shop/contracts";
import { describe, expect, it } from "vitest";
import { assertChargeableTotal, mergeLines } from "../src/domain/order-lines.ts";

const A = "0a000000-0000-4000-8000-000000000000";
const B = "0b000000-0000-4000-8000-000000000000";
const C = "0c000000-0000-4000-8000-000000000000";

describe("mergeLines", () => {
  it("sums the lines of one product and sorts by product id", () => {
    expect(
      mergeLines([
        { productId: C, qty: 1 },
        { productId: A, qty: 2 },
        { productId: C, qty: 4 },
        { productId: B, qty: 1 },
      ]),
    ).toEqual([
      { productId: A, qty: 2 },
      { productId: B, qty: 1 },
      { productId: C, qty: 5 },
    ]);
  });

  it("treats ids that differ only in case as one product", () => {
    const upper = "0A0000AB-0000-4000-8000-00000000000F";
    expect(
      mergeLines([
        { productId: upper, qty: 1 },
        { productId: upper.toLowerCase(), qty: 2 },
      ]),
    ).toEqual([{ productId: upper.toLowerCase(), qty: 3 }]);
  });

  it("keeps a single line as it is", () => {
    expect(mergeLines([{ productId: A, qty: 7 }])).toEqual([{ productId: A, qty: 7 }]);
  });

  it(`allows ${ORDER_QTY_MAX} units of one product in all, and refuses one more`, () => {
    const half = ORDER_QTY_MAX / 2;
    expect(
      mergeLines([
        { productId: A, qty: half },
        { productId: A, qty: half },
      ]),
    ).toEqual([{ productId: A, qty: ORDER_QTY_MAX }]);

    expect(() =>
      mergeLines([
        { productId: A, qty: half },
        { productId: A, qty: half + 1 },
      ]),
    ).toThrow(expect.objectContaining({ code: "validation_failed", message: expect.stringContaining(A) }));
  });
});

describe("assertChargeableTotal", () => {
  it.each([1, 2_415, ORDER_TOTAL_MAX])("accepts %i cents", (total) => {
    expect(() => assertChargeableTotal(total)).not.toThrow();
  });

  it.each([0, ORDER_TOTAL_MAX + 1, 10_000_000_000_000])("refuses %i cents as validation_failed", (total) => {
    expect(() => assertChargeableTotal(total)).toThrow(
      expect.objectContaining({ code: "validation_failed", status: 400 }),
    );
  });
});
