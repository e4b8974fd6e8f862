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

  it("ends a call's deadline once its answer's body is read", async () => {
    const signals: (AbortSignal | null | undefined)[] = [];
    const answer = (_url: string, init: RequestInit) => {
      signals.push(init.signal);
      return Promise.resolve(Response.json({ ok: true }));
    };
    const caller = new AbortController();
    const res = await fetchWithTimeout(30, answer)("http://x/trpc", { signal: caller.signal });
    expect(await res.json()).toEqual({ ok: true });
    // Past the deadline, and the caller gives up late: the finished call is left alone.
    await new Promise((resolve) => setTimeout(resolve, 80));
    caller.abort();
    expect(signals).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(false);
  });

  it("still gives up on a body that outlasts the deadline", async () => {
    const stalled = (_url: string, init: RequestInit) =>
      Promise.resolve(
        new Response(
          new ReadableStream({
            start(controller) {
              init.signal?.addEventListener("abort", () => controller.error(init.signal?.reason));
            },
          }),
        ),
      );
    const res = await fetchWithTimeout(50, stalled)("http://x/trpc");
    await expect(res.text()).rejects.toMatchObject({ name: "TimeoutError" });
  });

  it("refuses a deadline that is not a positive number of milliseconds", () => {
    const never = () => new Promise<Response>(() => undefined);
    for (const ms of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => fetchWithTimeout(ms, never)).toThrow(RangeError);
    }
  });
});
