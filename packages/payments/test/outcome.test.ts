import { describe, expect, it } from "vitest";
import { outcomeAtRate } from "../src/domain/outcome.ts";

const input = { order_id: "o", amount_cents: 1 };

describe("the outcome of a charge", () => {
  it("follows the success rate", () => {
    expect(outcomeAtRate(1, () => 0.999)(input)).toBe("succeeded");
    expect(outcomeAtRate(0, () => 0)(input)).toBe("failed");
    expect(outcomeAtRate(0.5, () => 0.49)(input)).toBe("succeeded");
    expect(outcomeAtRate(0.5, () => 0.5)(input)).toBe("failed");
  });
});
