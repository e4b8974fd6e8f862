/**
 * Every request the SPAs send has a deadline. A gateway that accepts the
 * connection and never answers would otherwise leave "Placing order…" on the
 * screen for as long as the browser cares to wait (minutes); after the
 * deadline the request is abandoned and the page says what is safe to do.
 */
export const REQUEST_DEADLINE_MS = 15_000;

/**
 * A fetch that gives up after `ms`: the caller's own signal (urql's, which
 * aborts a request nobody waits for any more) still works alongside.
 */
export function fetchWithDeadline(
  ms: number = REQUEST_DEADLINE_MS,
  fetchImpl: typeof globalThis.fetch = (...args) => globalThis.fetch(...args),
): typeof globalThis.fetch {
  return (input, init) => {
    const deadline = AbortSignal.timeout(ms);
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    return fetchImpl(input, { ...init, signal });
  };
}

/** The request was given up at its deadline (not refused, not cancelled by the page). */
export function isDeadlineError(error: unknown): boolean {
  return typeof error === "object" && error !== null && "name" in error && error.name === "TimeoutError";
}
