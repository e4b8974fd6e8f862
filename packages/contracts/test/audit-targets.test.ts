import { describe, expect, it } from "vitest";
import { auditTargetKind } from "../src/staff/audit-targets.ts";

describe("auditTargetKind", () => {
  it("reads an order, a product or a person from either door's name of an action", () => {
    expect(auditTargetKind("orders.capture")).toBe("order");
    expect(auditTargetKind("POST /orders/:id/refunds")).toBe("order");
    expect(auditTargetKind("products.changeStock")).toBe("product");
    expect(auditTargetKind("PATCH /products/:id/stock")).toBe("product");
    // A picture's actions name its product.
    expect(auditTargetKind("products.removeImage")).toBe("product");
    expect(auditTargetKind("DELETE /products/:id/images/:imageId")).toBe("product");
    expect(auditTargetKind("staff.change_role")).toBe("staff");
    expect(auditTargetKind("staff.sign_in")).toBe("staff");
  });

  it("names no kind for the other resources, or for what is not an action's name", () => {
    expect(auditTargetKind("POST /charges")).toBeUndefined();
    expect(auditTargetKind("POST /refunds")).toBeUndefined();
    expect(auditTargetKind("payments.charge")).toBeUndefined();
    expect(auditTargetKind("constructor")).toBeUndefined();
    expect(auditTargetKind("GET")).toBeUndefined();
    expect(auditTargetKind("")).toBeUndefined();
  });
});
