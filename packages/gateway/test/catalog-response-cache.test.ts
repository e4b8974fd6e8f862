import { describe, expect, it } from "vitest";
import { CatalogResponseCache } from "../src/http/catalog-response-cache.ts";

/** A successful answer whose JSON is exactly `bytes` long. */
function answerOf(bytes: number) {
  const overhead = JSON.stringify({ data: { products: "" } }).length;
  return { data: { products: "x".repeat(bytes - overhead) } };
}

describe("CatalogResponseCache limits", () => {
  it("keeps answers up to its byte budget, dropping the oldest first", () => {
    const cache = new CatalogResponseCache({ maxBytes: 1_000 });
    cache.set("a", answerOf(400));
    cache.set("b", answerOf(400));
    expect(cache.size).toEqual({ entries: 2, bytes: 800 });
    cache.set("c", answerOf(400));
    expect(cache.get("a")).toBeUndefined();
    expect(cache.get("b")?.byteLength).toBe(400);
    expect(cache.get("c")?.byteLength).toBe(400);
    expect(cache.size).toEqual({ entries: 2, bytes: 800 });
  });

  it("sends an answer larger than the whole budget without keeping it or dropping others", () => {
    const cache = new CatalogResponseCache({ maxBytes: 1_000 });
    cache.set("a", answerOf(400));
    cache.set("huge", answerOf(1_200));
    expect(cache.get("huge")).toBeUndefined();
    expect(cache.get("a")?.byteLength).toBe(400);
    expect(cache.size).toEqual({ entries: 1, bytes: 400 });
  });

  it("counts an answer kept again under the same key once", () => {
    const cache = new CatalogResponseCache({ maxBytes: 1_000 });
    cache.set("a", answerOf(400));
    cache.set("a", answerOf(500));
    expect(cache.size).toEqual({ entries: 1, bytes: 500 });
    expect(cache.get("a")?.byteLength).toBe(500);
  });

  it("keeps at most maxEntries answers", () => {
    const cache = new CatalogResponseCache({ maxEntries: 2 });
    for (const key of ["a", "b", "c"]) cache.set(key, answerOf(100));
    expect(cache.get("a")).toBeUndefined();
    expect(cache.size.entries).toBe(2);
  });

  it("keeps no answer with errors", () => {
    const cache = new CatalogResponseCache();
    cache.set("a", { data: null, errors: [{ message: "Inventory is unavailable" }] } as never);
    expect(cache.get("a")).toBeUndefined();
  });
});
