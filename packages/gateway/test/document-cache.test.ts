import { buildSchema, GraphQLError, validate } from "graphql";
import { describe, expect, it, vi } from "vitest";
import { documentCache } from "../src/http/document-cache.ts";

const schema = buildSchema("type Query { hello(name: String): String }");

describe("the document cache", () => {
  it("parses and validates a query text once, however often it comes", () => {
    const validateSpy = vi.fn(validate);
    const cache = documentCache(validateSpy);
    const text = "query ($name: String) { hello(name: $name) }";
    const first = cache.parse(text);
    expect(cache.parse(text)).toBe(first);
    expect(cache.validate(schema, first)).toEqual([]);
    expect(cache.validate(schema, cache.parse(text))).toEqual([]);
    expect(validateSpy).toHaveBeenCalledTimes(1);
    // Another text is another document, validated on its own.
    const other = cache.parse("{ hello }");
    expect(other).not.toBe(first);
    cache.validate(schema, other);
    expect(validateSpy).toHaveBeenCalledTimes(2);
  });

  it("keeps an invalid document's errors: a second request is refused the same way", () => {
    const cache = documentCache();
    const bad = cache.parse("{ goodbye }");
    const errors = cache.validate(schema, bad);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(GraphQLError);
    expect(cache.validate(schema, cache.parse("{ goodbye }"))).toBe(errors);
  });

  it("keeps no text that does not parse: its syntax error comes every time", () => {
    const cache = documentCache();
    expect(() => cache.parse("{ hello")).toThrow(GraphQLError);
    expect(() => cache.parse("{ hello")).toThrow(GraphQLError);
  });

  it("evicts the oldest texts past its size: endless distinct queries cannot grow it", () => {
    const cache = documentCache();
    const first = cache.parse(`{ hello }${" ".repeat(60_000)}`);
    for (let i = 0; i < 100; i++) cache.parse(`{ hello }${" ".repeat(60_000)}# ${i}`);
    // 100 texts of 60 kB are past the 4 MiB bound: the first was evicted and is parsed anew.
    expect(cache.parse(`{ hello }${" ".repeat(60_000)}`)).not.toBe(first);
  });
});
