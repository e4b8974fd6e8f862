/**
 * What a database error means for the caller. "The database is not reachable
 * right now" (down, restarting, pool exhausted) is not a bug: it answers 503
 * so clients retry, and the service recovers by itself when the database
 * comes back. Text PostgreSQL cannot store (a NUL character) is the caller's
 * input, not a bug: it answers 400.
 */
// P2024: no pool connection in time; P2028: a transaction could not start in
// time (every connection busy) or outlived its timeout. Both mean "overloaded
// right now", which a retry may get past; not a bug in the request.
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
const UNAVAILABLE_NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND"]);
// PostgreSQL SQLSTATEs: admin_shutdown, crash_shutdown, cannot_connect_now, connection failures.
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "08000", "08001", "08003", "08006"]);
// How Prisma's pg adapter names a lost or refused connection (its DriverAdapterError's cause.kind).
const UNAVAILABLE_ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
// character_not_in_repertoire ("invalid byte sequence for encoding UTF8: 0x00":
// PostgreSQL text cannot hold U+0000) and untranslatable_character.
const UNSTORABLE_TEXT_SQLSTATES = new Set(["22021", "22P05"]);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  kind?: unknown;
  cause?: unknown;
  message?: unknown;
  meta?: unknown;
}

/**
 * The error and everything it wraps: its `cause`, and the driver error that
 * Prisma keeps in `meta.driverAdapterError` (where the pg adapter puts the SQLSTATE).
 */
function* errorChain(err: unknown, depth = 0): Generator<ErrorLike> {
  if (typeof err !== "object" || err === null || depth > 5) return;
  const e = err as ErrorLike;
  yield e;
  yield* errorChain(e.cause, depth + 1);
  if (typeof e.meta === "object" && e.meta !== null && "driverAdapterError" in e.meta) {
    yield* errorChain(e.meta.driverAdapterError, depth + 1);
  }
}

export function isDatabaseUnavailable(err: unknown): boolean {
  for (const e of errorChain(err)) {
    if (e.name === "PrismaClientInitializationError") return true;
    if (typeof e.kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(e.kind)) return true;
    if (typeof e.code === "string") {
      if (UNAVAILABLE_PRISMA_CODES.has(e.code)) return true;
      if (UNAVAILABLE_NODE_CODES.has(e.code)) return true;
      if (UNAVAILABLE_SQLSTATES.has(e.code)) return true;
    }
    if (
      typeof e.message === "string" &&
      /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(e.message)
    ) {
      return true;
    }
  }
  return false;
}

/** Whether the database refused a value of the request's text (a NUL character): bad input, not a bug. */
export function isUnstorableText(err: unknown): boolean {
  for (const e of errorChain(err)) {
    if (typeof e.code === "string" && UNSTORABLE_TEXT_SQLSTATES.has(e.code)) return true;
  }
  return false;
}
