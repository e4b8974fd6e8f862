import { describe, expect, it } from "vitest";
import { formatMoney } from "../src/money.ts";

describe("formatMoney", () => {
  it("reads cents as dollars and cents", () => {
    expect(formatMoney(1250)).toBe("$12.50");
    expect(formatMoney(0)).toBe("$0.00");
    expect(formatMoney(5)).toBe("$0.05");
    expect(formatMoney(123_456_789)).toBe("$1,234,567.89");
    expect(formatMoney(-300)).toBe("-$3.00");
  });
});
