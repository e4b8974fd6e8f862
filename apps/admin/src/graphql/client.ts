import { Client, fetchExchange, mapExchange, type CombinedError, type Exchange } from "@urql/core";
import { fetchWithDeadline, isDeadlineError } from "@shop/ui";

/** The gateway's GraphQL endpoint: VITE_GATEWAY_URL at build time, else the local one. */
export const GATEWAY_URL: string = import.meta.env.VITE_GATEWAY_URL ?? "http://localhost:4000/graphql";

export interface AdminClientOptions {
  /** Called when the gateway says nobody is signed in (the session expired, was revoked, or ended in another tab). */
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
 *
 * Who is signed in is the gateway's session cookie (HttpOnly: this code never
 * sees it), sent with every request; no credential is kept in the page.
 */
export function createAdminClient({
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
    // The gateway is another origin (its own port): the session cookie goes only when asked for.
    fetchOptions: { credentials: "include" },
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

/** Nobody is signed in any more (the gateway or a service answered UNAUTHORIZED). */
export function isUnauthorized(error: CombinedError | undefined): boolean {
  return error?.graphQLErrors.some((e) => e.extensions["code"] === "UNAUTHORIZED") ?? false;
}

/** Signed in, but the role may not do this (the gateway answered FORBIDDEN). */
export function isForbidden(error: CombinedError | undefined): boolean {
  return error?.graphQLErrors.some((e) => e.extensions["code"] === "FORBIDDEN") ?? false;
}

/** The gateway refused an argument as malformed (an order id that is no id, say). */
export function isInvalidInput(error: CombinedError): boolean {
  return error.graphQLErrors.some((e) => e.extensions["code"] === "VALIDATION_FAILED");
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
  if (isForbidden(error)) return "Your role may not do this. Ask an owner of the shop if you need it.";
  const codes = error.graphQLErrors.map((e) => e.extensions["code"]);
  if (codes.includes("SERVICE_UNAVAILABLE")) {
    return "Part of the shop is unavailable right now. Try again in a moment.";
  }
  if (codes.includes("RATE_LIMITED")) return "Too many requests right now. Wait a few seconds and try again.";
  const first = error.graphQLErrors[0];
  return first ? first.message : "Something went wrong. Try again in a moment.";
}
