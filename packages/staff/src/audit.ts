import { actorLabel, Uuid, type Actor } from "@shop/contracts";
import type { Prisma, PrismaClient } from "@shop/db";
import { validationFailed } from "@shop/service";

/** Anything that can write: the client, or a transaction (so the entry commits with the change). */
type Writer = Pick<PrismaClient, "auditEntry"> | Prisma.TransactionClient;

export interface AuditRecord {
  actor: Actor;
  /** What was done, stable and greppable: `products.create`, `staff.remove`, `POST /orders/:id/capture`. */
  action: string;
  /** What it was done to (an id), when there is one. */
  target?: string | undefined;
  requestId: string;
  details?: Prisma.InputJsonValue | undefined;
}

export async function recordAudit(db: Writer, record: AuditRecord): Promise<void> {
  await db.auditEntry.create({
    data: {
      actorKind: record.actor.kind,
      actorId: record.actor.kind === "staff" ? record.actor.staffId : null,
      actorLabel: actorLabel(record.actor, "audit"),
      action: record.action,
      target: record.target ?? null,
      requestId: record.requestId,
      ...(record.details === undefined ? {} : { details: record.details }),
    },
  });
}

export interface AuditEntryView {
  id: string;
  at: string;
  actorKind: string;
  actorLabel: string;
  action: string;
  target: string | null;
  requestId: string;
}

/**
 * Newest first. `before` (the last entry's time) with `beforeId` (its id)
 * pages back past exactly that entry, so entries written in the same
 * millisecond are neither skipped nor shown twice; `before` alone pages by time.
 */
export async function listAudit(
  db: PrismaClient,
  { limit = 50, before, beforeId }: { limit?: number; before?: string; beforeId?: string } = {},
): Promise<AuditEntryView[]> {
  let where: Prisma.AuditEntryWhereInput = {};
  if (before) {
    const at = new Date(before);
    if (beforeId !== undefined) {
      const id = Uuid.safeParse(beforeId);
      if (!id.success) throw validationFailed(id.error.issues);
      where = { OR: [{ at: { lt: at } }, { at, id: { lt: id.data } }] };
    } else {
      where = { at: { lt: at } };
    }
  }
  const rows = await db.auditEntry.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(limit, 1), 200),
  });
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actorKind: r.actorKind,
    actorLabel: r.actorLabel,
    action: r.action,
    target: r.target,
    requestId: r.requestId,
  }));
}
