import type { Product } from "@shop/contracts";
import { execute, parse, type ExecutionArgs } from "graphql";
import { describe, expect, it, vi } from "vitest";
import type { GatewayContext } from "../src/context.ts";
import { answerBySlices } from "../src/http/answer-by-slices.ts";
import { schema } from "../src/schema/index.ts";

const product = (n: number): Product => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
  name: `Item ${n}`,
  price_cents: 100 + n,
  stock_qty: n,
});

/** A context whose Inventory answers these slices, in order, and the slices each execution saw. */
function contextOver(slices: Product[][], failAt?: number) {
  const seen: Array<Product[] | undefined> = [];
  const query = vi.fn(({ after }: { after?: string }) => {
    const at = after === undefined ? 0 : Number(after);
    if (at === failAt) return Promise.reject(new Error("Inventory is unavailable"));
    return Promise.resolve({ products: slices[at]!, next: at + 1 < slices.length ? String(at + 1) : null });
  });
  const ctx = {
    call: <T>(_service: string, pending: Promise<T>) => pending,
    services: { inventory: { products: { catalogSlice: { query } } } },
    productsSlice: undefined,
  } as unknown as GatewayContext;
  const run = (args: ExecutionArgs) => {
    seen.push((args.contextValue as GatewayContext).productsSlice);
    return execute(args);
  };
  return { ctx, run, seen, query };
}

const answerOf = async (text: string, slices: Product[][], failAt?: number) => {
  const { ctx, run, seen, query } = contextOver(slices, failAt);
  const chunks = await answerBySlices({
    schema,
    document: parse(text),
    operationName: undefined,
    variables: undefined,
    ctx,
    execute: run,
  });
  const json = chunks && Buffer.concat(chunks).toString("utf8");
  return { chunks, json, seen, query, ctx };
};

describe("an oversized catalog's answer, made slice by slice", () => {
  const slices = [[product(1), product(2)], [], [product(3)]];

  it("executes the query once per slice, on that slice alone, and joins their JSON", async () => {
    const { json, seen, ctx } = await answerOf("{ products { id name priceCents stockQty } }", slices);
    expect(seen).toEqual(slices);
    expect(ctx.productsSlice).toBeUndefined();
    const whole = execute({
      schema,
      document: parse("{ products { id name priceCents stockQty } }"),
      contextValue: { ...ctx, productsSlice: slices.flat() },
    });
    expect(json).toBe(JSON.stringify(await whole));
  });

  it("keeps the field's alias, and answers an empty catalog with an empty list", async () => {
    expect((await answerOf("{ all: products { id } }", slices)).json).toBe(
      JSON.stringify({ data: { all: slices.flat().map(({ id }) => ({ id })) } }),
    );
    expect((await answerOf("{ products { id } }", [[]])).json).toBe('{"data":{"products":[]}}');
  });

  it("leaves any other query to the usual way", async () => {
    for (const text of [
      "{ products { id } __typename }",
      "{ __typename }",
      "{ a: products { id } b: products { id } }",
    ]) {
      const { chunks, query } = await answerOf(text, slices);
      expect(chunks).toBeUndefined();
      expect(query).not.toHaveBeenCalled();
    }
  });

  it("gives up, for the usual way to report it, when a slice cannot be read", async () => {
    const { chunks, ctx } = await answerOf("{ products { id } }", slices, 1);
    expect(chunks).toBeUndefined();
    expect(ctx.productsSlice).toBeUndefined();
  });
});
