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

/** Where an actor is named: the audit log, or an order's timeline. */
export type ActorWording = "audit" | "timeline";

/**
 * Each log keeps the words its rows were written with, so old and new entries
 * read alike: the audit log has always said "admin token (machine credential)",
 * an order's timeline "admin token".
 */
const MACHINE_WORDS: Readonly<Record<ActorWording, string>> = {
  audit: "admin token (machine credential)",
  timeline: "admin token",
};

/**
 * How the audit log and an order's timeline name who acted: a staff member by
 * their email, the machine credential in the log's own words, and nobody (a
 * shopper's own request, which carries no actor) as "shopper".
 */
export function actorLabel(actor: Actor | undefined, wording: ActorWording): string {
  if (actor === undefined) return "shopper";
  return actor.kind === "staff" ? actor.email : MACHINE_WORDS[wording];
}
