import { MACHINE_ACTOR } from "@shop/contracts";
import { describe, expect, it } from "vitest";
import { callHeaders, fetchWithTimeout } from "../src/link-options.ts";

// What both tRPC clients (this SDK and the gateway) send with every call.
describe("link options", () => {
  it("names the request id always, and each credential only when there is one", () => {
    expect(callHeaders({ requestId: "r-1" })).toEqual({ "x-request-id": "r-1" });
    expect(
      callHeaders({
        requestId: "r-2",
        authorization: "Bearer t",
        serviceToken: "s",
        actor: MACHINE_ACTOR,
      }),
    ).toEqual({
      "x-request-id": "r-2",
      authorization: "Bearer t",
      "x-service-token": "s",
      "x-shop-actor": JSON.stringify(MACHINE_ACTOR),
    });
  });

  it("gives a call up at its deadline, and keeps the caller's own signal working", async () => {
    const hang = (_url: string, init: RequestInit) =>
      new Promise<Response>((_resolve, reject) =>
        init.signal?.addEventListener("abort", () => reject(init.signal?.reason as Error)),
      );
    const started = performance.now();
    await expect(fetchWithTimeout(50, hang)("http://x/trpc")).rejects.toMatchObject({ name: "TimeoutError" });
    expect(performance.now() - started).toBeLessThan(2_000);

    const caller = new AbortController();
    const call = fetchWithTimeout(60_000, hang)(new URL("http://x/trpc"), { signal: caller.signal });
    caller.abort();
    await expect(call).rejects.toMatchObject({ name: "AbortError" });
  });

  it("refuses a deadline that is not a positive number of milliseconds", () => {
    const never = () => new Promise<Response>(() => undefined);
    for (const ms of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => fetchWithTimeout(ms, never)).toThrow(RangeError);
    }
  });
});
