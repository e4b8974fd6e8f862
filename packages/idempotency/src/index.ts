export { canonicalJson, fingerprintOf } from "./fingerprint.ts";
export { decide, type Decision, type StoredAnswer } from "./decide.ts";
export {
  runIdempotent,
  purgeExpiredKeys,
  idempotencyKeyInUse,
  idempotencyKeyReused,
  type IdempotentAnswer,
  type IdempotentRequest,
  type Tx,
} from "./store.ts";
export { PURGE_LOCK, purgeInOneReplica, schedulePurge, type PurgeRun } from "./purge.ts";
export {
  IDEMPOTENCY_KEY_HEADER,
  IdempotencyKeyHeader,
  OptionalIdempotencyKeyHeader,
  sendIdempotentAnswer,
} from "./http.ts";
export { DEFAULT_IDEMPOTENCY_TTL_MS, idempotencyTtlMs } from "./env.ts";
