/**
 * The client's IP address behind `trustedHops` proxies of our own.
 *
 * Each proxy appends the address it received the request from to
 * X-Forwarded-For, so the list reads client, proxy 1, proxy 2, ... and the
 * socket's peer is the last proxy. Only the right-most entries were written by
 * proxies we run; anything to their left came from the client and may be
 * forged. So, reading [...X-Forwarded-For, socket peer] from the right, the
 * first `trustedHops` addresses are our proxies and the next one is the
 * client (the left-most one there is, when the list is shorter). With 0 hops
 * the header is ignored and the socket peer is the client.
 */
export function clientIpOf(
  forwardedFor: string | undefined,
  socketPeer: string | undefined,
  trustedHops: number,
): string {
  const peer = socketPeer ?? "unknown";
  if (trustedHops <= 0 || !forwardedFor) return peer;
  const chain = [
    ...forwardedFor
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
    peer,
  ];
  return chain[Math.max(0, chain.length - 1 - trustedHops)] ?? peer;
}
