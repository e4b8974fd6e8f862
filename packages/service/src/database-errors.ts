/**
 * Whether an error means "the database is not reachable right now" (down,
 * restarting, pool exhausted) rather than a bug: those answer 503 so clients
 * retry, and the service recovers by itself when the database comes back.
 */
// P2024: no pool connection in time; P2028: a transaction could not start in
// time (every connection busy) or outlived its timeout. Both mean "overloaded
// right now", which a retry may get past; not a bug in the request.
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
const UNAVAILABLE_NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND"]);
// PostgreSQL SQLSTATEs: admin_shutdown, crash_shutdown, cannot_connect_now, connection failures.
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "08000", "08001", "08003", "08006"]);

export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (typeof err !== "object" || err === null || depth > 5) return false;
  const e = err as { name?: unknown; code?: unknown; cause?: unknown; message?: unknown };
  if (e.name === "PrismaClientInitializationError") return true;
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
  return isDatabaseUnavailable(e.cause, depth + 1);
}
