import { ErrorCode, httpStatusOf } from "@shop/contracts";
import { TRPCClientError } from "@trpc/client";
import type { ServiceName } from "./urls.ts";

/** Which call failed: enough to find it in the services' logs. */
export interface FailedCall {
  service: ServiceName;
  /** The procedure's path, as `products.get`. */
  procedure: string;
  /** The x-request-id the call was sent with (or the one the service answered with). */
  requestId: string;
  /** The service's base URL. */
  url: string;
  timeoutMs: number;
}

/**
 * Every failed SDK call rejects with this. `code` is the service's stable
 * snake_case error (`not_found`, `insufficient_stock`, `unauthorized`, ...)
 * and `status` its HTTP status, as on the REST door; when the service did
 * not answer (down, refused, timed out) the code is `service_unavailable`,
 * status 503, as the gateway reports it too.
 */
export class ShopClientError extends Error {
  override readonly name = "ShopClientError";
  readonly code: ErrorCode;
  readonly status: number;
  /** The error's `details`, as the service sent them (for example the shortfalls of insufficient_stock). */
  readonly details: unknown;
  readonly service: ServiceName;
  readonly procedure: string;
  readonly requestId: string;
  /** True when the call was cut off by the client's timeout. */
  readonly timedOut: boolean;

  constructor(
    fields: { code: ErrorCode; status: number; message: string; details?: unknown; timedOut?: boolean },
    call: Pick<FailedCall, "service" | "procedure" | "requestId">,
    options?: { cause?: unknown },
  ) {
    super(fields.message, options);
    this.code = fields.code;
    this.status = fields.status;
    this.details = fields.details;
    this.timedOut = fields.timedOut ?? false;
    this.service = call.service;
    this.procedure = call.procedure;
    this.requestId = call.requestId;
  }

  /** Whatever a call failed with, as a ShopClientError (the original is its `cause`). */
  static from(err: unknown, call: FailedCall): ShopClientError {
    if (err instanceof ShopClientError) return err;
    const answered = serviceAnswer(err);
    const echoedRequestId = answered?.requestId ?? call.requestId;
    if (answered?.body) {
      return new ShopClientError(answered.body, { ...call, requestId: echoedRequestId }, { cause: err });
    }

    const chain = causes(err);
    const timedOut = chain.some((e) => e.name === "TimeoutError");
    const aborted = !timedOut && chain.some((e) => e.name === "AbortError");
    const notJson = chain.find((e) => e instanceof NotAServiceAnswer);
    const { service, procedure, url } = call;
    const message = timedOut
      ? `The ${service} service did not answer ${procedure} within ${call.timeoutMs} ms.`
      : aborted
        ? `The call to ${service} ${procedure} was aborted.`
        : notJson
          ? `The ${service} service at ${url} answered ${procedure} with ${notJson.status} ${notJson.contentType} instead of JSON: a proxy's error page, or the wrong URL.`
          : answered
            ? `The ${service} service answered ${procedure} with ${answered.status} and a body that is not a Shop error.`
            : `Could not reach the ${service} service at ${url} to call ${procedure}.`;
    return new ShopClientError(
      {
        code: "service_unavailable",
        status: httpStatusOf.service_unavailable,
        message,
        timedOut,
      },
      { ...call, requestId: echoedRequestId },
      { cause: err },
    );
  }
}

/** Thrown by the SDK's fetch when an answer is not JSON, so it never reaches tRPC's parser. */
export class NotAServiceAnswer extends Error {
  override readonly name = "NotAServiceAnswer";
  readonly status: number;
  readonly contentType: string;
  constructor(status: number, contentType: string) {
    super(`answered ${status} with ${contentType}`);
    this.status = status;
    this.contentType = contentType;
  }
}

interface ServiceAnswer {
  status: number;
  requestId?: string;
  /** The `{error, message, details?}` the service answered with, when it is one. */
  body?: { code: ErrorCode; status: number; message: string; details?: unknown };
}

/** What the service answered, when the call got as far as an HTTP response. */
function serviceAnswer(err: unknown): ServiceAnswer | undefined {
  if (!(err instanceof TRPCClientError)) return undefined;
  const response = (err.meta as { response?: Response } | undefined)?.response;
  // Our services' errorFormatter puts the REST error body into tRPC's `data`.
  const data = (err.data ?? {}) as { error?: unknown; httpStatus?: unknown; details?: unknown };
  const status = typeof data.httpStatus === "number" ? data.httpStatus : response?.status;
  if (status === undefined) return undefined;
  const answer: ServiceAnswer = { status, requestId: response?.headers.get("x-request-id") ?? undefined };
  const code = ErrorCode.safeParse(data.error);
  if (code.success) answer.body = { code: code.data, status, message: err.message, details: data.details };
  return answer;
}

/** The error and its chain of causes. */
function causes(err: unknown): Error[] {
  const chain: Error[] = [];
  for (let e = err; e instanceof Error && chain.length < 10; e = e.cause) chain.push(e);
  return chain;
}
