/**
 * Whether a failed call failed because its time ran out: an
 * `AbortSignal.timeout` firing (TimeoutError) or the abort it causes
 * (AbortError), anywhere in the error's cause chain (fetch and the tRPC
 * client wrap it).
 */
export function isTimeoutError(err: unknown): boolean {
  return (
    err instanceof Error &&
    (err.name === "TimeoutError" || err.name === "AbortError" || isTimeoutError(err.cause))
  );
}
