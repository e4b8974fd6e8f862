import type { CombinedError } from "@urql/core";

/** What a person is told when a request to the gateway fails, and whether a retry may help. */
export interface Problem {
  message: string;
  retryable: boolean;
}

export const UNAVAILABLE: Problem = {
  message: "The shop is unavailable right now. Try again in a moment.",
  retryable: true,
};

/**
 * Turns a failed request into words. The gateway says why in `extensions.code`
 * (SERVICE_UNAVAILABLE, RATE_LIMITED, ...); no answer at all (network down,
 * CORS, gateway stopped) is the same thing to a shopper: the shop is away.
 */
export function describeError(error: CombinedError): Problem {
  if (error.networkError) return UNAVAILABLE;
  const codes = error.graphQLErrors.map((e) => e.extensions["code"]);
  if (codes.includes("RATE_LIMITED")) {
    return { message: "Too many requests right now. Wait a few seconds and try again.", retryable: true };
  }
  if (codes.includes("SERVICE_UNAVAILABLE")) return UNAVAILABLE;
  return { message: "Something went wrong on our side. Try again in a moment.", retryable: true };
}
