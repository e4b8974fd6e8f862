import { httpStatusOf, type ErrorBody, type ErrorCode, type FieldIssue } from "@shop/contracts";
import { isDatabaseUnavailable, isUnstorableText } from "./database-errors.ts";

/**
 * An error that answers the client's request (a 4xx: out of stock, not
 * found, a bad field) unless it is a `fault`. An answer is not a fault, and
 * its stack points nowhere worth going: no frames are captured for it
 * (capturing them was 5% of a refused order's CPU in a flash sale, in Orders
 * and again in the gateway). ServiceError, the gateway's ServiceCallError and
 * its typed GraphQL errors stand on it.
 */
export class AnswerError extends Error {
  constructor(message?: string, { fault = false }: { fault?: boolean } = {}) {
    const frames = Error.stackTraceLimit;
    if (!fault) Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = frames;
  }
}

/**
 * The one error type domain code throws. Both doors turn it into the same
 * answer: REST into `{error, message, details?}` with `httpStatusOf[code]`,
 * tRPC into the matching TRPCError code with the same body in `data`.
 */
export class ServiceError extends AnswerError {
  override readonly name = "ServiceError";
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    // A 5xx is a fault (its stack is kept); a 4xx answers the client, and its
    // `stack` is text, not a trace (formatting a trace through the source
    // maps, which tRPC does when it wraps an error, cost a refused order more
    // than the refusal itself).
    const fault = httpStatusOf[code] >= 500;
    super(message, { fault });
    this.code = code;
    this.details = details;
    if (!fault) {
      Object.defineProperty(this, "stack", {
        value: `${this.name}: ${message}`,
        writable: true,
        configurable: true,
      });
    }
  }

  get status(): number {
    return httpStatusOf[this.code];
  }

  toBody(): ErrorBody {
    return this.details === undefined
      ? { error: this.code, message: this.message }
      : { error: this.code, message: this.message, details: this.details };
  }
}

export const notFound = (what: string, id: string) =>
  new ServiceError("not_found", `${what} ${id} not found`);

interface IssueLike {
  path: ReadonlyArray<PropertyKey | { key: PropertyKey }>;
  message: string;
}

/** zod issues (or any Standard Schema issues) as `details`: one `{path, message}` per problem. */
export function fieldIssues(issues: ReadonlyArray<IssueLike>): FieldIssue[] {
  return issues.map((issue) => ({
    path: issue.path.map((p) => String(typeof p === "object" ? p.key : p)).join("."),
    message: issue.message,
  }));
}

export function validationFailed(issues: ReadonlyArray<IssueLike>, what = "request"): ServiceError {
  const details = fieldIssues(issues);
  const summary = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join("; ");
  return new ServiceError("validation_failed", `Invalid ${what}: ${summary}`, details);
}

function hasIssues(err: unknown): err is { issues: IssueLike[] } {
  return typeof err === "object" && err !== null && "issues" in err && Array.isArray(err.issues);
}

/**
 * Any thrown value as a ServiceError: ours as is, validation errors and text
 * the database cannot store as 400, an unreachable database as 503,
 * everything else as a 500 whose message gives nothing away (no stack, no SQL).
 */
export function toServiceError(err: unknown): ServiceError {
  if (err instanceof ServiceError) return err;
  if (hasIssues(err)) return validationFailed(err.issues);
  // The contracts check shapes and lengths; PostgreSQL alone refuses U+0000 in
  // text, and nothing was written when it did.
  if (isUnstorableText(err)) {
    return validationFailed([{ path: [], message: "text must not contain the NUL character (U+0000)" }]);
  }
  if (isDatabaseUnavailable(err)) {
    return new ServiceError(
      "service_unavailable",
      "The database is not reachable right now; try again shortly.",
    );
  }
  return new ServiceError(
    "internal_error",
    "Something went wrong on our side; the request id in the logs says what.",
  );
}
