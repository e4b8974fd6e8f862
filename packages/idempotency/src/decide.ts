/**
 * What to do with a request that carries an idempotency key: the state
 * machine of a key, apart from any database so it can be tested on its own.
 *
 *   absent or expired  --execute, commit-->  completed (answer stored)
 *   absent             --another request holds the key's lock-->  in use (409)
 *   completed, same body       -->  replay the stored answer
 *   completed, different body  -->  reused (422)
 *
 * "In flight" is not a stored state: the request doing the work holds a
 * transaction-scoped advisory lock on the key, which PostgreSQL releases on
 * commit, rollback or a dropped connection, so a crash cannot leave a key stuck.
 */
export interface StoredAnswer {
  fingerprint: string;
  status: number;
  body: string;
  expiresAt: Date;
}

export type Decision =
  | { action: "execute"; deleteExpired: boolean }
  | { action: "replay"; status: number; body: string }
  | { action: "reject"; reason: "in_use" | "reused" };

export function decide(input: {
  lockAcquired: boolean;
  stored: StoredAnswer | undefined;
  fingerprint: string;
  now: Date;
}): Decision {
  if (!input.lockAcquired) return { action: "reject", reason: "in_use" };
  const { stored } = input;
  if (!stored) return { action: "execute", deleteExpired: false };
  if (stored.expiresAt <= input.now) return { action: "execute", deleteExpired: true };
  if (stored.fingerprint !== input.fingerprint) return { action: "reject", reason: "reused" };
  return { action: "replay", status: stored.status, body: stored.body };
}
