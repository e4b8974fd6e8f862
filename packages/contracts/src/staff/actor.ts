import { z } from "zod";
import { Uuid } from "../ids.ts";
import { rolePermissions, StaffRole, type Permission } from "./roles.ts";

/**
 * Who is acting on an admin request: a signed-in staff member, or the
 * machine credential (ADMIN_TOKEN: scripts, the SDK). Audit entries and order
 * timelines name this. Services learn it from the gateway in the
 * `x-shop-actor` header, which they believe only next to a valid
 * SERVICE_TOKEN; the admin token presented directly makes the machine actor.
 */
export const StaffActor = z.object({
  kind: z.literal("staff"),
  staffId: Uuid,
  email: z.string().min(3).max(254),
  role: StaffRole,
});
export type StaffActor = z.infer<typeof StaffActor>;

export const MachineActor = z.object({
  kind: z.literal("machine"),
  /** Which machine credential: only the admin token today. */
  credential: z.literal("admin_token"),
});
export type MachineActor = z.infer<typeof MachineActor>;

export const Actor = z.discriminatedUnion("kind", [StaffActor, MachineActor]);
export type Actor = z.infer<typeof Actor>;

export const MACHINE_ACTOR: MachineActor = { kind: "machine", credential: "admin_token" };

/** The header the gateway sends an actor in (JSON), trusted only with the service credential. */
export const ACTOR_HEADER = "x-shop-actor";

/** Whether an actor may do what a permission guards. The machine credential may do everything. */
export function actorCan(actor: Actor | undefined, permission: Permission): boolean {
  if (!actor) return false;
  if (actor.kind === "machine") return true;
  return rolePermissions[actor.role].has(permission);
}

/** How an audit entry or a timeline names an actor: an email, or "admin token (machine)". */
export function actorLabel(actor: Actor): string {
  return actor.kind === "staff" ? actor.email : "admin token (machine credential)";
}
