import { Client, cacheExchange, fetchExchange } from "@urql/core";
import { fetchWithDeadline } from "@shop/ui";

/** The gateway's GraphQL endpoint: VITE_GATEWAY_URL at build time, else the local one. */
export const GATEWAY_URL: string = import.meta.env.VITE_GATEWAY_URL || "http://localhost:4000/graphql";

/**
 * The shop's one GraphQL client. The document cache answers a page revisited
 * at once; pages that show stock ask with "cache-and-network" so the numbers
 * are fresh. Queries go as GET (a simple request: no CORS preflight), the
 * mutation as POST. Every request has a deadline (fetchWithDeadline, 15 s):
 * a gateway that never answers becomes a message, not an endless spinner.
 * `fetch` is for tests: a fake gateway at the network's edge.
 */
export function createShopClient(
  url: string = GATEWAY_URL,
  fetch?: typeof globalThis.fetch,
  deadlineMs?: number,
): Client {
  return new Client({
    url,
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: "cache-first",
    fetch: fetchWithDeadline(deadlineMs, fetch),
  });
}
