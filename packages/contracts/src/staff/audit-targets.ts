/** What an audit entry acted on, when it names something: its target is that thing's id. */
export type AuditTargetKind = "order" | "product" | "staff";

const KIND_OF_RESOURCE = new Map<string, AuditTargetKind>([
  ["orders", "order"],
  ["products", "product"],
  ["staff", "staff"],
]);

/**
 * The kind of an audit entry's target, read from its action. An action is
 * named by where it came in: a tRPC procedure (`orders.capture`), a REST
 * route (`POST /orders/:id/capture`) or a staff event (`staff.sign_in`), and
 * its target (the id in the route, or the procedure's `id`, `orderId`,
 * `productId` or `staffId`) is one of the resource the name begins with:
 * a product's pictures are the product's. Undefined for any other resource
 * (charges, refunds), whose entries name no target the admin can show.
 */
export function auditTargetKind(action: string): AuditTargetKind | undefined {
  const space = action.indexOf(" ");
  const resource = space >= 0 ? action.slice(space + 1).split("/")[1] : action.split(".")[0];
  return resource === undefined ? undefined : KIND_OF_RESOURCE.get(resource);
}
