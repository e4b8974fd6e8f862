import { auditTargetKind, Uuid, type AuditTargetKind } from "@shop/contracts";
import type { PrismaClient } from "@shop/db";
import { listStaff, type AuditEntryView } from "@shop/staff";
import type { GatewayContext } from "../context.ts";
import { isNotFound } from "../services/call.ts";

/** An audit entry as the schema answers it: what its target is, and what it is called now. */
export interface AuditEntryRow extends AuditEntryView {
  /** Null when the entry names no order, product or person. */
  targetKind: AuditTargetKind | null;
  /** Looked up only when asked: a product's name, an order's number, a person's email. */
  targetName: () => Promise<string | null>;
}

/**
 * A page of audit entries, each able to name its target: an owner reads
 * "Blue Teapot" or "#1042", not an id. Products and orders come through the
 * request's DataLoaders (one call to Inventory for the page's products, one
 * batch to Orders), people from the staff list, read once for the page.
 */
export function auditRows(ctx: GatewayContext, db: PrismaClient, entries: AuditEntryView[]): AuditEntryRow[] {
  let emails: Promise<Map<string, string>> | undefined;
  const emailOf = async (id: string) => {
    emails ??= listStaff(db).then((all) => new Map(all.map((s) => [s.id, s.email])));
    return (await emails).get(id) ?? null;
  };
  return entries.map((entry) => {
    const { target } = entry;
    // Targets are ids by how they are recorded; anything else names nothing (and is not sent on).
    const kind =
      target !== null && Uuid.safeParse(target).success ? (auditTargetKind(entry.action) ?? null) : null;
    return {
      ...entry,
      targetKind: kind,
      targetName: () => (kind && target ? nameOf(ctx, kind, target, emailOf) : Promise.resolve(null)),
    };
  });
}

async function nameOf(
  ctx: GatewayContext,
  kind: AuditTargetKind,
  id: string,
  emailOf: (id: string) => Promise<string | null>,
): Promise<string | null> {
  try {
    switch (kind) {
      case "product":
        return (await ctx.productById.load(id))?.name ?? null;
      case "order":
        return `#${(await ctx.orderById.load(id)).number}`;
      case "staff":
        // A person since removed is no longer on the list: their entries keep the id.
        return await emailOf(id);
    }
  } catch (err) {
    // An order gone, or a service not answering: the entry still shows, with its target's id.
    if (!isNotFound(err)) {
      ctx.log.warn({ err, target: id }, "could not name an audit entry's target");
    }
    return null;
  }
}
