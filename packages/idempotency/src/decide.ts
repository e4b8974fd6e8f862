/**
 * What to do with a request that carries an idempotency key: the state
 * machine of a key, apart from any database so it can be tested on its own.
 *
 *   absent or expired  --execute, commit-->  completed (answer stored)
 *   absent or expired  --another request holds the key's lock-->  in use (409)
 *   completed, same body       -->  replay the stored answer (lock or not)
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
  const { stored } = input;
  const live = stored && stored.expiresAt > input.now ? stored : undefined;
  // A stored answer is final, so it is answered whoever holds the lock just
  // then: retries arriving together after the work all get the replay.
  if (live) {
    return live.fingerprint === input.fingerprint
      ? { action: "replay", status: live.status, body: live.body }
      : { action: "reject", reason: "reused" };
  }
  if (!input.lockAcquired) return { action: "reject", reason: "in_use" };
  return { action: "execute", deleteExpired: stored !== undefined };
}
