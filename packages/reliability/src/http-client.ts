/**
 * Requests to running processes over real sockets, timed, never waiting
 * forever: an answer that does not come within `timeoutMs` is reported as a
 * hang (status 0), which every fault test treats as a failure.
 */
import { ADMIN_HEADERS } from "./stack.ts";

export interface TimedAnswer {
  /** 0 when no answer came (refused, reset, or the client gave up: a hang). */
  status: number;
  text: string;
  headers: Headers;
  ms: number;
  /** Why there was no answer, when there was none. */
  failure?: string;
}

export const HANG_MS = 20_000;

export async function send(
  url: string,
  init: {
    method?: string;
    body?: unknown;
    headers?: Record<string, string>;
    admin?: boolean;
    timeoutMs?: number;
  } = {},
): Promise<TimedAnswer> {
  const started = performance.now();
  const headers: Record<string, string> = { ...(init.admin ? ADMIN_HEADERS : {}), ...init.headers };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  try {
    const res = await fetch(url, {
      method: init.method ?? "GET",
      headers,
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      signal: AbortSignal.timeout(init.timeoutMs ?? HANG_MS),
    });
    const text = await res.text();
    return { status: res.status, text, headers: res.headers, ms: Math.round(performance.now() - started) };
  } catch (err) {
    const failure = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return {
      status: 0,
      text: "",
      headers: new Headers(),
      ms: Math.round(performance.now() - started),
      failure,
    };
  }
}

export interface GraphqlResult {
  answer: TimedAnswer;
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

export async function graphql(
  gatewayUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { admin?: boolean } = {},
): Promise<GraphqlResult> {
  const answer = await send(`${gatewayUrl}/graphql`, {
    method: "POST",
    body: { query, variables },
    headers: { accept: "application/graphql-response+json" },
    ...(options.admin ? { admin: true } : {}),
  });
  if (answer.status === 0) return { answer };
  try {
    const body = JSON.parse(answer.text) as Pick<GraphqlResult, "data" | "errors">;
    return { answer, ...body };
  } catch {
    return { answer };
  }
}

export const PLACE_ORDER = `mutation Place($input: PlaceOrderInput!) {
  placeOrder(input: $input) { __typename ... on Order { id } ... on Error { message } }
}`;
export const PRODUCTS = `{ products { id stockQty } }`;
