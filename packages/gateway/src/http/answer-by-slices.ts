import {
  getOperationAST,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from "graphql";
import type { GatewayContext } from "../context.ts";
import { catalogSlices } from "../services/catalog-slices.ts";

export interface SlicedQuery {
  schema: GraphQLSchema;
  /** Parsed and validated. */
  document: DocumentNode;
  operationName: string | null | undefined;
  variables: Record<string, unknown> | null | undefined;
  ctx: GatewayContext;
  execute: (args: ExecutionArgs) => ExecutionResult | Promise<ExecutionResult>;
}

/**
 * The answer to `{ products { ... } }` over a catalog too large to hold,
 * made a slice at a time: the query is executed once per slice of the
 * catalog (Query.products resolving to that slice), and each slice's part of
 * the answer is kept as its JSON bytes only. So neither the catalog nor its
 * answer is ever held here as objects, whatever its size. Only for a query
 * whose one root field is `products`; undefined for any other, or when a
 * slice fails (the query then runs the usual way, which reports the error).
 */
export async function answerBySlices(query: SlicedQuery): Promise<Uint8Array<ArrayBuffer>[] | undefined> {
  const { schema, document, operationName, variables, ctx, execute } = query;
  const operation = getOperationAST(document, operationName);
  const roots = operation?.selectionSet.selections ?? [];
  const root = roots[0];
  if (
    operation?.operation !== OperationTypeNode.QUERY ||
    roots.length !== 1 ||
    root?.kind !== Kind.FIELD ||
    root.name.value !== "products"
  ) {
    return undefined;
  }
  const key = root.alias?.value ?? root.name.value;
  const encoder = new TextEncoder();
  const chunks = [encoder.encode(`{"data":{${JSON.stringify(key)}:[`)];
  let empty = true;
  try {
    for await (const slice of catalogSlices(ctx)) {
      ctx.productsSlice = slice;
      const result = await execute({
        schema,
        document,
        operationName,
        variableValues: variables,
        contextValue: ctx,
      });
      const items = result.data?.[key];
      if (result.errors?.length || !Array.isArray(items)) return undefined;
      if (items.length === 0) continue;
      const json = JSON.stringify(items);
      chunks.push(encoder.encode((empty ? "" : ",") + json.slice(1, -1)));
      empty = false;
    }
  } catch {
    return undefined;
  } finally {
    ctx.productsSlice = undefined;
  }
  chunks.push(encoder.encode("]}}"));
  return chunks;
}
