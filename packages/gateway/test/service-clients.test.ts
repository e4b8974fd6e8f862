/**
 * The per-request tRPC clients (services/clients.ts): made lazily, and with
 * nothing per request that V8 must keep a hidden class for.
 */
import { describe, expect, it } from "vitest";
import { createServiceClients, type ServiceClientOptions } from "../src/services/clients.ts";

const options: ServiceClientOptions = {
  urls: { inventory: "http://127.0.0.1:1", orders: "http://127.0.0.1:2", payments: "http://127.0.0.1:3" },
  timeoutMs: 1_000,
  requestId: "r-1",
  serviceToken: "t",
};

describe("createServiceClients", () => {
  it("has no getters of its own: each request's clients share their class's", () => {
    // Getters made per object (an object literal's) are held by accessor
    // records V8 allocates in its old generation: every executed request's
    // objects then outlived the young collections.
    const [first, second] = [createServiceClients(options), createServiceClients(options)];
    for (const clients of [first, second]) {
      const own = Object.values(Object.getOwnPropertyDescriptors(clients));
      expect(own.filter((d) => "get" in d)).toEqual([]);
    }
    expect(Object.getPrototypeOf(second)).toBe(Object.getPrototypeOf(first));
  });

  it("makes each client once, when first asked for", () => {
    const clients = createServiceClients(options);
    expect(clients.orders).toBe(clients.orders);
    expect(clients.inventory).not.toBe(clients.orders);
  });
});
