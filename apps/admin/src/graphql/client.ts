import { Client, fetchExchange, mapExchange, type CombinedError, type Exchange } from "@urql/core";
import { fetchWithDeadline, isDeadlineError } from "@shop/ui";

/** The gateway's GraphQL endpoint: VITE_GATEWAY_URL at build time, else the local one. */
export const GATEWAY_URL: string = import.meta.env.VITE_GATEWAY_URL ?? "http://localhost:4000/graphql";

export interface AdminClientOptions {
  /** The admin token; every request carries it as `Authorization: Bearer <token>`. */
  token: string;
  /** Called when the gateway refuses the token (it changed, or the stack restarted with another). */
  onUnauthorized?: () => void;
  url?: string;
  /** What talks to the gateway: fetch in the app, a stand-in in tests. */
  transport?: Exchange;
  /** How long a request may take before it is given up (fetchWithDeadline; 15 s by default). */
  deadlineMs?: number | undefined;
  /** The fetch under the deadline (tests). */
  fetch?: typeof globalThis.fetch;
}

/**
 * The admin's GraphQL client. No document cache: an admin screen shows what
 * the services hold now, so every query goes to the gateway and each page
 * reads again after its own writes. Every request has a deadline: a gateway
 * that never answers becomes a message, not a "Capturing…" without end.
 */
export function createAdminClient({
  token,
  onUnauthorized,
  url = GATEWAY_URL,
  transport = fetchExchange,
  deadlineMs,
  fetch,
}: AdminClientOptions): Client {
  return new Client({
    url,
    requestPolicy: "network-only",
    // POST for queries too: nothing about the admin's reads belongs in URLs and access logs.
    preferGetMethod: false,
    fetch: fetchWithDeadline(deadlineMs, fetch),
    fetchOptions: { headers: { authorization: `Bearer ${token}` } },
    exchanges: [
      mapExchange({
        onError(error) {
          if (isUnauthorized(error)) onUnauthorized?.();
        },
      }),
      transport,
    ],
  });
}

/** The gateway refused the admin token (the services answered 401). */
export function isUnauthorized(error: CombinedError | undefined): boolean {
  return error?.graphQLErrors.some((e) => e.extensions["code"] === "UNAUTHORIZED") ?? false;
}

/** No answer at all, or none within the deadline: a write may or may not have happened. */
export function isNoAnswer(error: CombinedError): boolean {
  return error.networkError !== undefined;
}

/** A mutation came back with neither an answer nor an error (should not happen; said plainly if it does). */
export const NO_ANSWER = "The shop sent no answer. Try again in a moment.";

export const NOT_ANSWERING = "The shop is not answering right now. Check your connection, then try again.";
export const TOO_SLOW = "The shop took too long to answer. Try again in a moment.";

/** A failed request (not a typed error of a mutation) in words a merchant can act on. */
export function describeError(error: CombinedError): string {
  if (error.networkError) return isDeadlineError(error.networkError) ? TOO_SLOW : NOT_ANSWERING;
  if (isUnauthorized(error)) return "You are no longer signed in. Sign in again.";
  const codes = error.graphQLErrors.map((e) => e.extensions["code"]);
  if (codes.includes("SERVICE_UNAVAILABLE")) {
    return "Part of the shop is unavailable right now. Try again in a moment.";
  }
  if (codes.includes("RATE_LIMITED")) return "Too many requests right now. Wait a few seconds and try again.";
  const first = error.graphQLErrors[0];
  return first ? first.message : "Something went wrong. Try again in a moment.";
}
