import { GraphQLError } from "graphql";
import { ServiceCallError } from "../services/call.ts";

/**
 * Errors as clients see them: a failed service call keeps its message and
 * gets `extensions.code` (UNAUTHORIZED, SERVICE_UNAVAILABLE, ...) and the
 * service's name; anything unexpected says nothing about our insides (no
 * stack, no SQL): the x-request-id of the response finds it in the logs.
 */
export function formatGatewayError(err: Readonly<GraphQLError | Error>): GraphQLError | Error {
  if (!(err instanceof GraphQLError)) return err;
  const original = err.originalError;
  if (!original || original instanceof GraphQLError) return err; // syntax, validation, limits
  if (original instanceof ServiceCallError) {
    return new GraphQLError(original.message, {
      nodes: err.nodes,
      source: err.source,
      positions: err.positions,
      path: err.path,
      extensions: { code: original.code.toUpperCase(), service: original.service, status: original.status },
    });
  }
  return new GraphQLError("Something went wrong in the gateway; the request id in the logs says what.", {
    nodes: err.nodes,
    path: err.path,
    extensions: { code: "INTERNAL_ERROR" },
  });
}
