import { actorCan, StaffRole, type Permission, type StaffMemberView } from "@shop/contracts";
import { ServiceError } from "@shop/service";
import {
  changeRole,
  createStaff,
  listAudit,
  listStaff,
  normaliseEmail,
  removeStaff,
  signIn,
  signOut,
} from "@shop/staff";
import { GraphQLError } from "graphql";
import type { GatewayContext } from "../context.ts";
import { clearedSessionCookie, sessionCookie } from "../http/staff-session.ts";
import { auditRows, type AuditEntryRow } from "./audit-targets.ts";
import { builder } from "./builder.ts";

/**
 * Staff accounts for people: sign in and out (a server-side session in an
 * HttpOnly, SameSite=Strict cookie), who is signed in, and for owners the
 * staff list and the audit log. Everything here is the gateway's own: the
 * accounts live in the shop's database, beside the services' tables.
 */

const gqlError = (message: string, code: string, details?: unknown) =>
  new GraphQLError(message, { extensions: { code, ...(details === undefined ? {} : { details }) } });

/** A ServiceError of the staff functions as a GraphQL error with its stable code. */
async function asGraphql<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ServiceError) throw gqlError(err.message, err.code.toUpperCase(), err.details);
    throw err;
  }
}

function staffDeps(ctx: GatewayContext) {
  if (!ctx.staff) throw gqlError("Staff accounts are not available on this gateway", "SERVICE_UNAVAILABLE");
  return ctx.staff;
}

/** The gateway's own check (the services check again): signed in, and allowed. */
export function requirePermission(ctx: GatewayContext, permission: Permission) {
  if (!ctx.actor) throw gqlError("Sign in as staff to do this.", "UNAUTHORIZED");
  if (!actorCan(ctx.actor, permission)) {
    const role = ctx.actor.kind === "staff" ? ctx.actor.role : "machine";
    throw gqlError(`Your role (${role}) may not do this.`, "FORBIDDEN", { permission });
  }
  return ctx.actor;
}

/** A staff role check for fields whose service checks the admin token itself: only staff actors are checked here. */
export function checkStaffRole(ctx: GatewayContext, permission: Permission): void {
  if (ctx.actor?.kind === "staff") requirePermission(ctx, permission);
}

const StaffRoleType = builder.enumType("StaffRole", {
  description: "owner: everything; manager: products, orders, refunds; support: read orders, capture, ship.",
  values: StaffRole.options,
});

const StaffMemberType = builder.objectRef<StaffMemberView>("StaffMember").implement({
  description: "A person who runs the shop.",
  fields: (t) => ({
    id: t.exposeID("id"),
    email: t.exposeString("email"),
    role: t.field({ type: StaffRoleType, resolve: (s) => s.role }),
    createdAt: t.field({ type: "DateTime", resolve: (s) => s.createdAt }),
  }),
});

const AuditTargetKindType = builder.enumType("AuditTargetKind", {
  description: "What an audit entry acted on.",
  values: {
    ORDER: { value: "order", description: "An order." },
    PRODUCT: { value: "product", description: "A product (a picture's actions name its product)." },
    STAFF: { value: "staff", description: "A person who signs in." },
  } as const,
});

const AuditEntryType = builder.objectRef<AuditEntryRow>("AuditEntry").implement({
  description: "One admin action: who did it (a person, or the admin token), when, what, and the request id.",
  fields: (t) => ({
    id: t.exposeID("id"),
    at: t.field({ type: "DateTime", resolve: (e) => e.at }),
    actorKind: t.exposeString("actorKind", { description: '"staff" or "machine" (the admin token).' }),
    actor: t.exposeString("actorLabel", { description: "The person's email, or the machine credential." }),
    action: t.exposeString("action"),
    target: t.exposeString("target", { nullable: true, description: "The id of what it acted on." }),
    targetKind: t.field({
      type: AuditTargetKindType,
      nullable: true,
      description: "What the target is; null when the entry names no order, product or person.",
      resolve: (e) => e.targetKind,
    }),
    targetName: t.string({
      nullable: true,
      description:
        "What the target is called now: a product's name, an order's number (#1042), a person's email; null when it is gone or cannot be told.",
      resolve: (e) => e.targetName(),
    }),
    requestId: t.exposeString("requestId"),
  }),
});

const acting = (ctx: GatewayContext) => ({
  actor: requirePermission(ctx, "staff.manage"),
  requestId: ctx.requestId,
});

builder.queryFields((t) => ({
  me: t.field({
    type: StaffMemberType,
    nullable: true,
    description: "The signed-in staff member; null when nobody is.",
    resolve: async (_root, _args, ctx) => {
      if (ctx.actor?.kind !== "staff") return null;
      const all = await listStaff(staffDeps(ctx).db);
      return all.find((s) => s.id === (ctx.actor?.kind === "staff" ? ctx.actor.staffId : "")) ?? null;
    },
  }),
  staffMembers: t.field({
    type: [StaffMemberType],
    description: "Owner: everyone who can sign in.",
    resolve: (_root, _args, ctx) => {
      requirePermission(ctx, "staff.manage");
      return listStaff(staffDeps(ctx).db);
    },
  }),
  auditLog: t.field({
    type: [AuditEntryType],
    description:
      "Owner: admin actions, newest first; pass the last entry's `at` as `before` and its `id` as `beforeId` for older ones.",
    args: { limit: t.arg.int(), before: t.arg({ type: "DateTime" }), beforeId: t.arg.id() },
    complexity: (args) => ({ field: 1, multiplier: args.limit ?? 50 }),
    resolve: async (_root, args, ctx) => {
      requirePermission(ctx, "audit.read");
      const { db } = staffDeps(ctx);
      const entries = await listAudit(db, {
        ...(args.limit != null ? { limit: args.limit } : {}),
        ...(args.before ? { before: args.before } : {}),
        ...(args.beforeId != null ? { beforeId: String(args.beforeId) } : {}),
      });
      return auditRows(ctx, db, entries);
    },
  }),
}));

builder.mutationFields((t) => ({
  signIn: t.field({
    type: StaffMemberType,
    description:
      "Sign in as staff: sets the session cookie (HttpOnly, SameSite=Strict). Any earlier session of this browser ends.",
    args: { email: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: (_root, { email, password }, ctx) =>
      asGraphql(async () => {
        const staff = staffDeps(ctx);
        let key: string;
        try {
          key = normaliseEmail(email);
        } catch {
          key = email.slice(0, 254).toLowerCase();
        }
        const refusal = await ctx.signInLimits.refusal(key, ctx.clientAddress);
        if (refusal) throw gqlError(refusal, "RATE_LIMITED");
        try {
          const { token, actor } = await signIn(
            staff.db,
            { email, password },
            {
              previousToken: ctx.sessionToken,
              requestId: ctx.requestId,
            },
          );
          await ctx.signInLimits.clear(key);
          ctx.setCookie(
            sessionCookie(token, { secure: ctx.https, maxAgeSeconds: Math.floor(staff.idleMs / 1000) }),
          );
          const me = (await listStaff(staff.db)).find((s) => s.id === actor.staffId);
          if (!me) throw new Error("signed-in staff member vanished");
          return me;
        } catch (err) {
          if (err instanceof ServiceError && err.code === "unauthorized")
            await ctx.signInLimits.countFailure(key, ctx.clientAddress);
          throw err;
        }
      }),
  }),
  signOut: t.boolean({
    description: "End this browser's session (and clear its cookie). True even when nobody was signed in.",
    resolve: async (_root, _args, ctx) => {
      if (ctx.sessionToken && ctx.staff)
        await signOut(ctx.staff.db, ctx.sessionToken, { requestId: ctx.requestId });
      ctx.setCookie(clearedSessionCookie(ctx.https));
      return true;
    },
  }),
  addStaffMember: t.field({
    type: StaffMemberType,
    description: "Owner: let a person sign in, with a role and a first password (12+ characters).",
    args: {
      email: t.arg.string({ required: true }),
      role: t.arg({ type: StaffRoleType, required: true }),
      password: t.arg.string({ required: true }),
    },
    resolve: (_root, args, ctx) => asGraphql(() => createStaff(staffDeps(ctx).db, args, acting(ctx))),
  }),
  changeStaffRole: t.field({
    type: StaffMemberType,
    description: "Owner: change a person's role; their sessions end, so it takes effect at once.",
    args: { id: t.arg.id({ required: true }), role: t.arg({ type: StaffRoleType, required: true }) },
    resolve: (_root, { id, role }, ctx) =>
      asGraphql(() => changeRole(staffDeps(ctx).db, String(id), role, acting(ctx))),
  }),
  removeStaffMember: t.field({
    type: StaffMemberType,
    description: "Owner: remove a person; every session of theirs ends.",
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => asGraphql(() => removeStaff(staffDeps(ctx).db, String(id), acting(ctx))),
  }),
}));

/** `allowed(ctx, "orders.capture") && work`: the staff role check in front of a resolver's work. */
export function allowed(ctx: GatewayContext, permission: Permission): true {
  checkStaffRole(ctx, permission);
  return true;
}
