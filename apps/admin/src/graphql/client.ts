import { Client, fetchExchange, mapExchange, type CombinedError, type Exchange } from "@urql/core";

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
}

/**
 * The admin's GraphQL client. No document cache: an admin screen shows what
 * the services hold now, so every query goes to the gateway and each page
 * reads again after its own writes.
 */
export function createAdminClient({
  token,
  onUnauthorized,
  url = GATEWAY_URL,
  transport = fetchExchange,
}: AdminClientOptions): Client {
  return new Client({
    url,
    requestPolicy: "network-only",
    // POST for queries too: nothing about the admin's reads belongs in URLs and access logs.
    preferGetMethod: false,
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

/** A failed request (not a typed error of a mutation) in words an admin can act on. */
export function describeError(error: CombinedError): string {
  if (error.networkError) return `The gateway did not answer (${GATEWAY_URL}). Is the shop running?`;
  if (isUnauthorized(error)) return "The admin token was not accepted.";
  const first = error.graphQLErrors[0];
  return first ? first.message : error.message;
}
