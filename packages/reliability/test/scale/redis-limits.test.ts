import { randomUUID } from "node:crypto";
import { connectRedis, createLimiter, createLogger, hit, type Redis } from "@shop/service";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../../src/processes.ts";
import { startRedisServer, type Tool } from "../../src/scale/tools.ts";

// Limits shared through a real Redis of this file's own, which the test then
// stops: what two gateways (two connections, two limiters) do during an outage.

let server: Tool & { url: string };
const clients: Redis[] = [];
const log = createLogger("gateway", "silent");

beforeAll(async () => {
  server = await startRedisServer();
}, 60_000);
afterAll(async () => {
  for (const c of clients) c.disconnect();
  await server?.stop();
});

async function gateway(whenRedisDown?: "per-process" | "refuse") {
  const redis = await connectRedis(server.url, log);
  clients.push(redis);
  return {
    redis,
    limiter: (name: string) =>
      createLimiter({ name, points: 3, durationSec: 60, redis, ...(whenRedisDown ? { whenRedisDown } : {}) }),
  };
}

describe("rate limits in Redis", () => {
  it("are shared by two processes, and fall back to per-process counting (fail open, bounded) or refuse, when Redis is down", async () => {
    const name = `test-${randomUUID()}`;
    const [a, b, refusing] = await Promise.all([gateway(), gateway(), gateway("refuse")]);
    await waitFor(() => Promise.resolve([a, b, refusing].every((g) => g.redis.status === "ready")), 10_000);
    const [limitA, limitB, limitRefusing] = [
      a.limiter(name),
      b.limiter(name),
      refusing.limiter(`${name}-refuse`),
    ];

    // Shared: 3 between both, whichever answers.
    const shared = [
      await hit(limitA, "ip"),
      await hit(limitB, "ip"),
      await hit(limitA, "ip"),
      await hit(limitB, "ip"),
    ];
    expect(shared.map((r) => r.limited)).toEqual([false, false, false, true]);

    await server.stop();
    await waitFor(() => Promise.resolve([a, b, refusing].every((g) => g.redis.status !== "ready")), 10_000);

    // Per process now: each limiter allows its own 3 to a new client, and no more.
    const during = [];
    for (let i = 0; i < 4; i++) during.push((await hit(limitA, "other")).limited);
    expect(during).toEqual([false, false, false, true]);
    expect((await hit(limitB, "other")).limited).toBe(false);
    // The fail-closed choice refuses while it cannot count.
    const refused = await hit(limitRefusing, "ip");
    expect(refused).toMatchObject({ limited: true, retryAfterSec: 1 });
  });
});
