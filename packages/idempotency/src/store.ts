import { Prisma, type PrismaClient } from "@shop/db";
import { ServiceError } from "@shop/service";
import { decide, type StoredAnswer } from "./decide.ts";

export type Tx = Prisma.TransactionClient;

export interface IdempotentRequest {
  /** Which operation the key belongs to ("payments.charge", "orders.place"): keys never cross operations. */
  scope: string;
  key: string;
  /** fingerprintOf(the request body). */
  fingerprint: string;
  /** How long the answer is kept for replay (IDEMPOTENCY_TTL_HOURS). */
  ttlMs: number;
}

/**
 * Either the work's own result (first time) or the stored one, as the exact
 * JSON text. No HTTP status: every stored answer is a first success (a work
 * that throws stores nothing), and each door says how it sends one.
 */
export type IdempotentAnswer<T> =
  { replayed: false; body: T; bodyText: string } | { replayed: true; bodyText: string };

/**
 * What the `response_status` column records for every stored answer: the
 * REST doors' 201 Created. Nothing reads it back (a replay is sent as its
 * door sends a first answer); it stays until a migration drops it.
 */
const STORED_STATUS = 201;

/**
 * Run `work` at most once per (scope, key): in one READ COMMITTED transaction,
 * take the key's advisory lock without waiting (held → 409), replay a stored
 * answer (or 422 when the body differs), else run the work and store its
 * answer in the same transaction, so the effect and the record of it commit
 * together or not at all. A work that throws stores nothing: a retry runs again.
 */
export async function runIdempotent<T>(
  db: PrismaClient,
  request: IdempotentRequest,
  work: (tx: Tx) => Promise<T>,
  /** The transaction's own options: a work that waits on another service needs a longer timeout. */
  transaction: { timeout?: number } = {},
): Promise<IdempotentAnswer<T>> {
  const { scope, key, fingerprint } = request;
  try {
    return await db.$transaction(
      async (tx) => {
        const [lock] = await tx.$queryRaw<[{ acquired: boolean }]>`
          SELECT pg_try_advisory_xact_lock(hashtextextended(${scope} || ':' || ${key}, 0)) AS acquired`;
        const row = await tx.idempotencyKey.findUnique({ where: { scope_key: { scope, key } } });
        const stored: StoredAnswer | undefined = row
          ? {
              fingerprint: row.fingerprint,
              status: row.responseStatus,
              body: row.responseBody,
              expiresAt: row.expiresAt,
            }
          : undefined;
        const decision = decide({
          lockAcquired: lock?.acquired === true,
          stored,
          fingerprint,
          now: new Date(),
        });

        switch (decision.action) {
          case "reject":
            throw decision.reason === "in_use" ? idempotencyKeyInUse() : idempotencyKeyReused();
          case "replay":
            return { replayed: true as const, bodyText: decision.body };
          case "execute": {
            if (decision.deleteExpired)
              await tx.idempotencyKey.delete({ where: { scope_key: { scope, key } } });
            const body = await work(tx);
            const bodyText = JSON.stringify(body);
            await tx.idempotencyKey.create({
              data: {
                scope,
                key,
                fingerprint,
                responseStatus: STORED_STATUS,
                responseBody: bodyText,
                expiresAt: new Date(Date.now() + request.ttlMs),
              },
            });
            return { replayed: false as const, body, bodyText };
          }
        }
      },
      { ...transaction, isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted },
    );
  } catch (err) {
    // The primary key is the backstop behind the lock: should two requests
    // ever both get through, the second insert fails and nothing of it commits.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")
      throw idempotencyKeyInUse();
    throw err;
  }
}

/** 409: another request with this key is doing the work right now. */
export const idempotencyKeyInUse = () =>
  new ServiceError(
    "idempotency_key_in_use",
    "A request with this Idempotency-Key is still being processed; retry once it has finished.",
  );

/** 422: the key's stored answer is for another request body. */
export const idempotencyKeyReused = () =>
  new ServiceError(
    "idempotency_key_reused",
    "This Idempotency-Key was used with a different request body; use a new key for a new request.",
  );

/** Delete the answers whose retention window has passed. Returns how many went. */
export async function purgeExpiredKeys(db: PrismaClient | Tx, now = new Date()): Promise<number> {
  const { count } = await db.idempotencyKey.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
