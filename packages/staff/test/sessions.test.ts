import { createTestDatabase, waitersOnLocks, type TestDatabase } from "@shop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeRole, createStaff, ensureFirstOwner, removeStaff } from "../src/accounts.ts";
import { listAudit } from "../src/audit.ts";
import { sessionActor, signIn, signOut } from "../src/sessions.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

const PASSWORD = "correct horse battery staple";
let n = 0;
const person = async (role: "owner" | "manager" | "support" = "manager") =>
  createStaff(db.prisma, { email: `Person${++n}@Shop.Test`, role, password: PASSWORD });
const ctx = { requestId: "test-request" };

describe("staff accounts", () => {
  it("keep the password only as an argon2id hash, and the email lowercased", async () => {
    const created = await person();
    const row = await db.prisma.staffMember.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.email).toBe(`person${n}@shop.test`);
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(PASSWORD);
  });

  it("the first owner is made once, on an empty staff table only", async () => {
    const other = await createTestDatabase();
    try {
      const first = await ensureFirstOwner(other.prisma);
      expect(first).toMatchObject({ email: "owner@shop.local", password: expect.stringMatching(/^.{20,}$/) });
      expect(await ensureFirstOwner(other.prisma)).toBeUndefined();
      const signedIn = await signIn(other.prisma, { email: first!.email, password: first!.password }, ctx);
      expect(signedIn.actor.role).toBe("owner");
    } finally {
      await other.drop();
    }
  });
});

describe("sign-in and sessions", () => {
  it("refuses a wrong password and an unknown email alike", async () => {
    const p = await person();
    await expect(
      signIn(db.prisma, { email: p.email, password: "wrong password!!" }, ctx),
    ).rejects.toMatchObject({
      code: "unauthorized",
    });
    await expect(
      signIn(db.prisma, { email: "nobody@shop.test", password: PASSWORD }, ctx),
    ).rejects.toMatchObject({
      code: "unauthorized",
      message: "That email and password do not match a staff account.",
    });
  });

  it("rotates the session id at sign-in: a planted id is ended (no fixation)", async () => {
    const p = await person();
    const planted = await signIn(db.prisma, { email: p.email, password: PASSWORD }, ctx);
    const fresh = await signIn(
      db.prisma,
      { email: p.email, password: PASSWORD },
      { ...ctx, previousToken: planted.token },
    );
    expect(fresh.token).not.toBe(planted.token);
    expect(await sessionActor(db.prisma, planted.token)).toBeUndefined();
    expect(await sessionActor(db.prisma, fresh.token)).toMatchObject({ staffId: p.id, role: "manager" });
  });

  it("stores only a hash of the session token", async () => {
    const p = await person();
    const { token } = await signIn(db.prisma, { email: p.email, password: PASSWORD }, ctx);
    const rows = await db.prisma.staffSession.findMany({ where: { staffId: p.id } });
    expect(rows.map((r) => r.tokenHash)).not.toContain(token);
  });

  it("ends a session idle longer than the idle limit", async () => {
    const p = await person();
    const { token } = await signIn(db.prisma, { email: p.email, password: PASSWORD }, ctx);
    const idleMs = 30 * 60_000;
    const soon = new Date(Date.now() + idleMs - 60_000);
    expect(await sessionActor(db.prisma, token, idleMs, soon)).toBeDefined();
    const later = new Date(soon.getTime() + idleMs + 1_000);
    expect(await sessionActor(db.prisma, token, idleMs, later)).toBeUndefined();
    // ...and it stays ended.
    expect(await sessionActor(db.prisma, token, idleMs)).toBeUndefined();
  });

  it("sign-out ends the session", async () => {
    const p = await person();
    const { token } = await signIn(db.prisma, { email: p.email, password: PASSWORD }, ctx);
    await signOut(db.prisma, token, ctx);
    expect(await sessionActor(db.prisma, token)).toBeUndefined();
  });

  it("removing a person ends all their sessions; changing a role ends them too", async () => {
    const owner = await person("owner");
    const by = {
      actor: { kind: "staff" as const, staffId: owner.id, email: owner.email, role: "owner" as const },
      requestId: "r1",
    };
    const a = await person("support");
    const one = await signIn(db.prisma, { email: a.email, password: PASSWORD }, ctx);
    await changeRole(db.prisma, a.id, "manager", by);
    expect(await sessionActor(db.prisma, one.token)).toBeUndefined();
    const two = await signIn(db.prisma, { email: a.email, password: PASSWORD }, ctx);
    expect((await sessionActor(db.prisma, two.token))?.role).toBe("manager");
    await removeStaff(db.prisma, a.id, by);
    expect(await sessionActor(db.prisma, two.token)).toBeUndefined();
    const audit = await listAudit(db.prisma, { limit: 5 });
    expect(audit.map((e) => e.action)).toContain("staff.remove");
    expect(audit.find((e) => e.action === "staff.remove")).toMatchObject({
      actorLabel: owner.email,
      requestId: "r1",
      target: a.id,
    });
  });

  it("two owners removing each other at once: one goes, the shop keeps an owner", async () => {
    const other = await createTestDatabase();
    try {
      const create = (email: string) =>
        createStaff(other.prisma, { email, role: "owner", password: PASSWORD });
      const [a, b] = await Promise.all([create("a@shop.test"), create("b@shop.test")]);
      const by = { actor: { kind: "machine" as const, credential: "admin_token" as const }, requestId: "r" };
      // Hold both rows so the two removals queue up together, each past its own reads.
      let release!: () => void;
      let locked!: () => void;
      const held = new Promise<void>((r) => (locked = r));
      const blocker = other.prisma.$transaction(
        async (tx) => {
          await tx.$queryRaw`SELECT id FROM staff_members FOR UPDATE`;
          locked();
          await new Promise<void>((r) => (release = r));
        },
        { timeout: 30_000 },
      );
      await held;
      const racers = Promise.allSettled([
        removeStaff(other.prisma, a.id, by),
        removeStaff(other.prisma, b.id, by),
      ]);
      // Both removals are waiting on a row lock before the blocker lets go.
      await expect.poll(async () => (await waitersOnLocks(other.prisma)).length, { timeout: 10_000 }).toBe(2);
      release();
      await blocker;
      const outcomes = await racers;
      expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
      expect(outcomes.find((o) => o.status === "rejected")).toMatchObject({
        reason: { code: "invalid_state" },
      });
      expect(await other.prisma.staffMember.count({ where: { role: "owner" } })).toBe(1);
    } finally {
      await other.drop();
    }
  });

  it("never removes or demotes the last owner", async () => {
    const other = await createTestDatabase();
    try {
      const first = await ensureFirstOwner(other.prisma);
      const owner = await other.prisma.staffMember.findUniqueOrThrow({ where: { email: first!.email } });
      const by = { actor: { kind: "machine" as const, credential: "admin_token" as const }, requestId: "r" };
      await expect(removeStaff(other.prisma, owner.id, by)).rejects.toMatchObject({ code: "invalid_state" });
      await expect(changeRole(other.prisma, owner.id, "support", by)).rejects.toMatchObject({
        code: "invalid_state",
      });
      expect(await other.prisma.staffMember.count()).toBe(1);
    } finally {
      await other.drop();
    }
  });
});
