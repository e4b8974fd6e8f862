import { describe, expect, it } from "vitest";
import { fetchWithDeadline, isDeadlineError } from "../src/deadline.ts";

/** A fetch that never answers, but rejects as a browser's does when its signal aborts. */
const hangingFetch: typeof fetch = (_input, init) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener("abort", () => reject(init.signal?.reason as Error));
  });

describe("fetchWithDeadline", () => {
  it("gives up on a request that never answers, as a TimeoutError", async () => {
    const started = Date.now();
    const error = await fetchWithDeadline(50, hangingFetch)("http://gateway.test/").catch((e: unknown) => e);
    expect(isDeadlineError(error)).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it("still lets the caller cancel, and that is not a deadline", async () => {
    const caller = new AbortController();
    const pending = fetchWithDeadline(10_000, hangingFetch)("http://gateway.test/", {
      signal: caller.signal,
    });
    caller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AbortError" });
    expect(isDeadlineError(error)).toBe(false);
  });

  it("passes an answer through untouched", async () => {
    const answer = Response.json({ data: { ok: true } });
    const fetch = fetchWithDeadline(1_000, () => Promise.resolve(answer));
    expect(await fetch("http://gateway.test/", { method: "POST" })).toBe(answer);
  });
});
