import { describe, expect, it } from "vitest";
import { differingRows, type Snapshot } from "../src/snapshot.ts";

const base: Snapshot = {
  products: 2,
  orders: 1,
  orderItems: 1,
  charges: 0,
  idempotencyKeys: 0,
  stock: { a: 5, b: 3 },
  digests: { products: "p", orders: "o", orderItems: "i", charges: "c", idempotencyKeys: "k" },
};

describe("differingRows", () => {
  it("is 0 for equal snapshots", () => {
    expect(differingRows(base, structuredClone(base))).toBe(0);
  });

  it("counts rows added or removed and stock moved", () => {
    expect(differingRows(base, { ...base, orders: 2, orderItems: 3, stock: { a: 4, b: 3 } })).toBe(4);
  });

  it("sees a row rewritten in place through its table's digest", () => {
    expect(differingRows(base, { ...base, digests: { ...base.digests, orders: "o2" } })).toBe(1);
    expect(differingRows(base, { ...base, digests: { ...base.digests, products: "renamed" } })).toBe(1);
  });
});
