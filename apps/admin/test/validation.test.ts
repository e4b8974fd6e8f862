import { describe, expect, it } from "vitest";
import {
  checkStockChange,
  COUNT_FORMAT_MESSAGE,
  parseCount,
  parseDollars,
  productFieldOf,
} from "../src/products/validation.ts";

describe("parseDollars", () => {
  it.each([
    ["12.50", 1250],
    ["12.5", 1250],
    ["12", 1200],
    ["$12.50", 1250],
    [" 0.99 ", 99],
    ["-1", -100],
    ["1000000.00", 100_000_000],
  ])("reads %j as %i cents", (text, cents) => {
    expect(parseDollars(text)).toBe(cents);
  });

  it.each(["", "abc", "12.345", "12,50", "1e3", "12.", "."])("refuses %j", (text) => {
    expect(parseDollars(text)).toBeNull();
  });
});

describe("parseCount", () => {
  it("reads signed whole numbers, and decimals for the contract to refuse", () => {
    expect(parseCount("25")).toBe(25);
    expect(parseCount("+5")).toBe(5);
    expect(parseCount("-3")).toBe(-3);
    expect(parseCount("1.5")).toBe(1.5);
    expect(parseCount("")).toBeNull();
    expect(parseCount("ten")).toBeNull();
  });
});

describe("productFieldOf", () => {
  it("places contract paths and the gateway's camelCase paths on the same input", () => {
    expect(productFieldOf("price_cents")).toBe("price");
    expect(productFieldOf("priceCents")).toBe("price");
    expect(productFieldOf("patch.priceCents")).toBe("price");
    expect(productFieldOf("stock_qty")).toBe("stock");
    expect(productFieldOf("name")).toBe("name");
    expect(productFieldOf("id")).toBeNull();
  });
});

describe("checkStockChange", () => {
  it("checks each mode against its branch of the contract's StockChangeInput", () => {
    expect(checkStockChange("set", "40")).toEqual({ ok: true, input: { mode: "set", stockQty: 40 } });
    expect(checkStockChange("adjust", "-2")).toEqual({ ok: true, input: { mode: "adjust", delta: -2 } });
    expect(checkStockChange("set", "-1")).toEqual({ ok: false, errors: { amount: "must not be negative" } });
    expect(checkStockChange("adjust", "0")).toEqual({ ok: false, errors: { amount: "must not be zero" } });
    expect(checkStockChange("adjust", "x")).toEqual({ ok: false, errors: { amount: COUNT_FORMAT_MESSAGE } });
  });
});
