import { createHash, randomBytes } from "node:crypto";
import { SignInInput, type StaffActor } from "@shop/contracts";
import type { PrismaClient } from "@shop/db";
import { ServiceError, validationFailed } from "@shop/service";
import { actorOfStaff } from "./accounts.ts";
import { recordAudit } from "./audit.ts";
import { spendVerifyTime, verifyPassword } from "./passwords.ts";

/** A session unused this long ends (idle expiry); 30 minutes unless STAFF_SESSION_IDLE_MINUTES says. */
export const DEFAULT_IDLE_MS = 30 * 60_000;
// Touch last_seen_at at most this often, so a busy admin page is not a write per request.
const TOUCH_EVERY_MS = 60_000;

/** The cookie holds 32 random bytes; the database only their SHA-256, so a leaked table signs nobody in. */
const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

export interface SignedIn {
  token: string;
  actor: StaffActor;
}

/**
 * Checks email and password and opens a new session. Any session the browser
 * came with ends here: the id is always new at sign-in, so an id planted
 * before (session fixation) is worth nothing after.
 */
export async function signIn(
  db: PrismaClient,
  input: unknown,
  context: { previousToken?: string | undefined; requestId: string },
): Promise<SignedIn> {
  const parsed = SignInInput.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues, "sign-in");
  const { email, password } = parsed.data;
  const staff = await db.staffMember.findUnique({ where: { email } });
  if (!staff) {
    await spendVerifyTime(password);
    throw wrongCredentials();
  }
  if (!(await verifyPassword(staff.passwordHash, password))) throw wrongCredentials();

  const token = randomBytes(32).toString("base64url");
  const actor = actorOfStaff(staff);
  await db.$transaction(async (tx) => {
    if (context.previousToken)
      await tx.staffSession.deleteMany({ where: { tokenHash: hashOf(context.previousToken) } });
    await tx.staffSession.create({ data: { tokenHash: hashOf(token), staffId: staff.id } });
    await recordAudit(tx, { actor, action: "staff.sign_in", target: staff.id, requestId: context.requestId });
  });
  return { token, actor };
}

const wrongCredentials = () =>
  new ServiceError("unauthorized", "That email and password do not match a staff account.");

/** The staff member a session token belongs to, while it is alive; an idle one is ended here. */
export async function sessionActor(
  db: PrismaClient,
  token: string,
  idleMs: number = DEFAULT_IDLE_MS,
  now: Date = new Date(),
): Promise<StaffActor | undefined> {
  const tokenHash = hashOf(token);
  const session = await db.staffSession.findUnique({ where: { tokenHash }, include: { staff: true } });
  if (!session) return undefined;
  if (now.getTime() - session.lastSeenAt.getTime() > idleMs) {
    await db.staffSession.deleteMany({ where: { tokenHash } });
    return undefined;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.staffSession.updateMany({ where: { tokenHash }, data: { lastSeenAt: now } });
  }
  return actorOfStaff(session.staff);
}

/** Ends one session (sign out). */
export async function signOut(
  db: PrismaClient,
  token: string,
  context: { requestId: string },
): Promise<void> {
  const session = await db.staffSession.findUnique({
    where: { tokenHash: hashOf(token) },
    include: { staff: true },
  });
  if (!session) return;
  await db.$transaction(async (tx) => {
    await tx.staffSession.deleteMany({ where: { tokenHash: hashOf(token) } });
    await recordAudit(tx, {
      actor: actorOfStaff(session.staff),
      action: "staff.sign_out",
      target: session.staffId,
      requestId: context.requestId,
    });
  });
}

/** Ends every idle session (run now and then; lookups end idle ones anyway). */
export async function purgeIdleSessions(db: PrismaClient, idleMs: number = DEFAULT_IDLE_MS): Promise<number> {
  const { count } = await db.staffSession.deleteMany({
    where: { lastSeenAt: { lt: new Date(Date.now() - idleMs) } },
  });
  return count;
}
