import {
  Uuid,
  CreateStaffInput,
  StaffEmail,
  StaffRole,
  type Actor,
  type StaffActor,
  type StaffMemberView,
} from "@shop/contracts";
import type { PrismaClient } from "@shop/db";
import type { z } from "zod";
import { notFound, ServiceError, validationFailed } from "@shop/service";
import { recordAudit } from "./audit.ts";
import { hashPassword, randomPassword } from "./passwords.ts";

interface Row {
  id: string;
  email: string;
  role: StaffRole;
  createdAt: Date;
}
const view = (r: Row): StaffMemberView => ({
  id: r.id,
  email: r.email,
  role: r.role,
  createdAt: r.createdAt.toISOString(),
});
export const actorOfStaff = (r: Pick<Row, "id" | "email" | "role">): StaffActor => ({
  kind: "staff",
  staffId: r.id,
  email: r.email,
  role: r.role,
});

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  return parsed.data;
}

export const listStaff = async (db: PrismaClient): Promise<StaffMemberView[]> =>
  (await db.staffMember.findMany({ orderBy: { createdAt: "asc" } })).map(view);

/** Who acts, as who is done: the audit entry commits with the change. */
export interface ActingAs {
  actor: Actor;
  requestId: string;
}

export async function createStaff(db: PrismaClient, input: unknown, by?: ActingAs): Promise<StaffMemberView> {
  const { email, role, password } = parse(CreateStaffInput, input);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    if (await tx.staffMember.findUnique({ where: { email } })) {
      throw new ServiceError("conflict", `Someone already signs in as ${email}`);
    }
    const row = await tx.staffMember.create({ data: { email, role, passwordHash } });
    if (by)
      await recordAudit(tx, { ...by, action: "staff.create", target: row.id, details: { email, role } });
    return view(row);
  });
}

/** The shop keeps at least one owner: nobody can demote or remove the last one. */
async function refuseLosingLastOwner(
  tx: Pick<PrismaClient, "staffMember" | "$queryRaw">,
  id: string,
): Promise<void> {
  // Lock every owner's row first: two owners removing each other at once would
  // otherwise each count the other and leave the shop with none.
  await tx.$queryRaw`SELECT id FROM staff_members WHERE role = 'owner' ORDER BY id FOR UPDATE`;
  const owners = await tx.staffMember.count({ where: { role: "owner", id: { not: id } } });
  if (owners === 0) throw new ServiceError("invalid_state", "The shop must keep at least one owner");
}

export async function changeRole(
  db: PrismaClient,
  id: string,
  role: unknown,
  by: ActingAs,
): Promise<StaffMemberView> {
  // An id that is no UUID names nobody: refused as input, never sent to the database as one.
  id = parse(Uuid, id);
  const newRole = parse(StaffRole, role);
  return db.$transaction(async (tx) => {
    const row = await tx.staffMember.findUnique({ where: { id } });
    if (!row) throw notFound("Staff member", id);
    if (row.role === "owner" && newRole !== "owner") await refuseLosingLastOwner(tx, id);
    const updated = await tx.staffMember.update({ where: { id }, data: { role: newRole } });
    // A changed role takes effect at once: their sessions end, they sign in again as what they are now.
    await tx.staffSession.deleteMany({ where: { staffId: id } });
    await recordAudit(tx, {
      ...by,
      action: "staff.change_role",
      target: id,
      details: { from: row.role, to: newRole },
    });
    return view(updated);
  });
}

/** Removes a person: their sessions end with them (the foreign key cascades). */
export async function removeStaff(db: PrismaClient, id: string, by: ActingAs): Promise<StaffMemberView> {
  id = parse(Uuid, id);
  return db.$transaction(async (tx) => {
    const row = await tx.staffMember.findUnique({ where: { id } });
    if (!row) throw notFound("Staff member", id);
    if (row.role === "owner") await refuseLosingLastOwner(tx, id);
    await tx.staffMember.delete({ where: { id } });
    await recordAudit(tx, { ...by, action: "staff.remove", target: id, details: { email: row.email } });
    return view(row);
  });
}

export const FIRST_OWNER_EMAIL = "owner@shop.local";

/**
 * On a database with no staff: `owner@shop.local` with a random password,
 * which the caller prints and keeps. Undefined when someone already exists.
 */
export async function ensureFirstOwner(
  db: PrismaClient,
): Promise<{ email: string; password: string } | undefined> {
  if ((await db.staffMember.count()) > 0) return undefined;
  const password = randomPassword();
  await createStaff(db, { email: FIRST_OWNER_EMAIL, role: "owner", password });
  return { email: FIRST_OWNER_EMAIL, password };
}

export const normaliseEmail = (email: string) => parse(StaffEmail, email);
