import { describe, expect, it } from "vitest";
import { clientIpOf } from "../src/rate-limit/client-ip.ts";

// [X-Forwarded-For, socket peer, TRUST_PROXY hops, the client IP we must count]
const cases: Array<[string | undefined, string, number, string]> = [
  // No proxy trusted: the header is the client's to write, so it is ignored.
  [undefined, "203.0.113.7", 0, "203.0.113.7"],
  ["6.6.6.6", "203.0.113.7", 0, "203.0.113.7"],
  // One proxy (HAProxy): it appended the address it saw, the right-most entry.
  ["203.0.113.7", "10.0.0.2", 1, "203.0.113.7"],
  ["6.6.6.6, 203.0.113.7", "10.0.0.2", 1, "203.0.113.7"],
  ["6.6.6.6,7.7.7.7 , 203.0.113.7", "10.0.0.2", 1, "203.0.113.7"],
  // Two proxies (a cloud load balancer, then the ingress controller).
  ["6.6.6.6, 203.0.113.7, 10.0.0.1", "10.0.0.2", 2, "203.0.113.7"],
  ["203.0.113.7, 10.0.0.1", "10.0.0.2", 2, "203.0.113.7"],
  // Fewer entries than hops (a request that skipped a proxy): the left-most there is.
  ["203.0.113.7", "10.0.0.2", 3, "203.0.113.7"],
  // Trusted, but no header (a health check from the proxy itself): the peer.
  [undefined, "10.0.0.2", 1, "10.0.0.2"],
  ["", "10.0.0.2", 1, "10.0.0.2"],
  [" , ", "10.0.0.2", 1, "10.0.0.2"],
];

describe("clientIpOf", () => {
  it.each(cases)("X-Forwarded-For %j from %s with %i hop(s) → %s", (xff, peer, hops, client) => {
    expect(clientIpOf(xff, peer, hops)).toBe(client);
  });

  it("no socket (an in-process request) and nothing trusted: unknown", () => {
    expect(clientIpOf("6.6.6.6", undefined, 0)).toBe("unknown");
  });
});
