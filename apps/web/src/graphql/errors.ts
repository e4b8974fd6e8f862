import type { CombinedError } from "@urql/core";
import { isDeadlineError } from "@shop/ui";

/** What a person is told when a request to the gateway fails, and whether a retry may help. */
export interface Problem {
  message: string;
  retryable: boolean;
}

export const UNAVAILABLE: Problem = {
  message: "The shop is unavailable right now. Try again in a moment.",
  retryable: true,
};

export const TOO_SLOW: Problem = {
  message: "The shop is taking too long to answer. Try again in a moment.",
  retryable: true,
};

/** No answer at all: the request did not arrive, or its answer was lost, or it came too late. */
export function isNoAnswer(error: CombinedError): boolean {
  return error.networkError !== undefined;
}

/** The gateway refused an argument as malformed (an order id that is no id, say). */
export function isInvalidInput(error: CombinedError): boolean {
  return error.graphQLErrors.some((e) => e.extensions["code"] === "VALIDATION_FAILED");
}

/**
 * Turns a failed request into words. The gateway says why in `extensions.code`
 * (SERVICE_UNAVAILABLE, RATE_LIMITED, ...); no answer at all (network down,
 * CORS, gateway stopped) is the same thing to a shopper: the shop is away; an
 * answer that did not come within the deadline says so.
 */
export function describeError(error: CombinedError): Problem {
  if (error.networkError) return isDeadlineError(error.networkError) ? TOO_SLOW : UNAVAILABLE;
  const codes = error.graphQLErrors.map((e) => e.extensions["code"]);
  if (codes.includes("RATE_LIMITED")) {
    return { message: "Too many requests right now. Wait a few seconds and try again.", retryable: true };
  }
  if (codes.includes("SERVICE_UNAVAILABLE")) return UNAVAILABLE;
  return { message: "Something went wrong on our side. Try again in a moment.", retryable: true };
}
