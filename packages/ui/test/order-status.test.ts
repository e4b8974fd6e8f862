import { describe, expect, it } from "vitest";
import { ORDER_STATUS_TEXT, orderStatusText } from "../src/order-status.ts";

describe("order status wording", () => {
  it("never calls a cancelled order confirmed", () => {
    const cancelled = orderStatusText("CANCELLED");
    expect(cancelled.confirmed).toBe(false);
    expect(`${cancelled.heading} ${cancelled.shopper} ${cancelled.label}`).not.toMatch(/confirm/i);
  });

  it("speaks to people, not in the contract's codes", () => {
    for (const [code, text] of Object.entries(ORDER_STATUS_TEXT)) {
      expect(text.label).not.toBe(code);
      expect(text.label).not.toMatch(/^[A-Z_]+$/);
    }
  });
});
