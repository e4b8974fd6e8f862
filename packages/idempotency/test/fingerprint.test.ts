import { describe, expect, it } from "vitest";
import { canonicalJson, fingerprintOf } from "../src/fingerprint.ts";

describe("fingerprintOf", () => {
  it("is the same for the same body whatever the key order, at every depth", () => {
    expect(fingerprintOf({ a: 1, b: { c: [1, 2], d: "x" } })).toBe(
      fingerprintOf({ b: { d: "x", c: [1, 2] }, a: 1 }),
    );
    expect(canonicalJson({ b: 1, a: { z: 1, y: 2 } })).toBe('{"a":{"y":2,"z":1},"b":1}');
  });

  it.each([
    [
      { order_id: "o1", amount_cents: 100 },
      { order_id: "o1", amount_cents: 101 },
    ],
    [
      { order_id: "o1", amount_cents: 100 },
      { order_id: "o2", amount_cents: 100 },
    ],
    [{ items: [1, 2] }, { items: [2, 1] }],
    [{ a: "1" }, { a: 1 }],
    [{ a: null }, {}],
  ])("differs when the body differs: %j vs %j", (one, other) => {
    expect(fingerprintOf(one)).not.toBe(fingerprintOf(other));
  });

  it("is a SHA-256 hex digest", () => {
    expect(fingerprintOf({})).toMatch(/^[0-9a-f]{64}$/);
  });
});
