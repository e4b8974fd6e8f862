import { z } from "zod";

/**
 * Who may do what. Roles are fixed (no custom roles): owner does everything,
 * manager runs the catalog and the orders (refunds included), support reads
 * orders, captures and ships, but neither refunds nor edits products.
 */
export const StaffRole = z.enum(["owner", "manager", "support"]);
export type StaffRole = z.infer<typeof StaffRole>;

/** Every admin operation, by what it needs. A new admin operation names one of these. */
export const Permission = z.enum([
  "products.read",
  "products.write",
  "orders.read",
  "orders.capture",
  "orders.cancel",
  "orders.fulfill",
  "orders.refund",
  "staff.manage",
  "audit.read",
]);
export type Permission = z.infer<typeof Permission>;

export const rolePermissions: Record<StaffRole, ReadonlySet<Permission>> = {
  owner: new Set(Permission.options),
  manager: new Set<Permission>([
    "products.read",
    "products.write",
    "orders.read",
    "orders.capture",
    "orders.cancel",
    "orders.fulfill",
    "orders.refund",
  ]),
  support: new Set<Permission>(["products.read", "orders.read", "orders.capture", "orders.fulfill"]),
};
