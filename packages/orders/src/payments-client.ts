import { ChargeResult, RefundResult, type CreateChargeInput, type CreateRefundInput } from "@shop/contracts";
import {
  isTimeoutError,
  REQUEST_ID_HEADER,
  SERVICE_TOKEN_HEADER,
  ServiceError,
  tracedFetch,
} from "@shop/service";

/**
 * Orders' side of Payments' locked REST contract: `POST /charges` with an
 * `Idempotency-Key`. Every way a charge request can go wrong becomes a
 * ServiceError the capture can pass on as is.
 */
export interface PaymentsClient {
  /** How long one request may take; a capture holds a transaction open at most this long for it. */
  readonly timeoutMs: number;
  /**
   * Charges at most once per key: the same key and body again answer the
   * first charge. Resolves with the charge, succeeded or failed; rejects with
   * 503 service_unavailable when Payments cannot be reached or answers
   * nonsense, and 409 conflict while a request with this key is in flight.
   */
  charge(request: {
    idempotencyKey: string;
    input: CreateChargeInput;
    requestId?: string | undefined;
  }): Promise<ChargeResult>;
  /**
   * Refunds at most once per key (`POST /refunds`). Rejects with 409
   * refund_exceeds_captured when Payments refuses the amount, 409 conflict
   * while the key is in flight or was used for another amount, and 503 as a charge does.
   */
  refund(request: {
    idempotencyKey: string;
    input: CreateRefundInput;
    requestId?: string | undefined;
  }): Promise<RefundResult>;
}

export interface PaymentsClientOptions {
  /** Payments' base URL (PAYMENTS_URL). */
  baseUrl: string;
  timeoutMs: number;
  /** The service credential Payments asks of every caller (SERVICE_TOKEN). */
  serviceToken: string;
  /** Tests route requests to an in-process Payments app, or simulate faults. */
  fetch?: typeof fetch;
}

export function createPaymentsClient(options: PaymentsClientOptions): PaymentsClient {
  const { timeoutMs } = options;
  // A client span per request, carrying the trace on to Payments.
  const tracedPost = tracedFetch("payments", (url, init) => (options.fetch ?? fetch)(url, init));

  async function post(
    path: string,
    idempotencyKey: string,
    input: unknown,
    requestId: string | undefined,
  ): Promise<{ status: number; text: string }> {
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "idempotency-key": idempotencyKey,
      // Payments takes no request without the service credential.
      [SERVICE_TOKEN_HEADER]: options.serviceToken,
    };
    if (requestId) headers[REQUEST_ID_HEADER] = requestId;
    try {
      // One signal bounds the whole exchange, body included: a Payments that
      // sends headers and then stalls is as unreachable as one that is down.
      const res = await tracedPost(new URL(path, options.baseUrl).toString(), {
        method: "POST",
        headers,
        body: JSON.stringify(input),
        signal: AbortSignal.timeout(timeoutMs),
      });
      return { status: res.status, text: await res.text() };
    } catch (err) {
      const why = isTimeoutError(err) ? `did not answer within ${timeoutMs} ms` : "is not reachable";
      throw unavailable(`Payments ${why}`, err);
    }
  }

  return {
    timeoutMs,
    async charge({ idempotencyKey, input, requestId }) {
      const { status, text } = await post("/charges", idempotencyKey, input, requestId);
      if (status === 200 || status === 201) {
        const charge = ChargeResult.safeParse(parseJson(text));
        if (charge.success) return charge.data;
        throw unavailable(`Payments answered ${status} with a body that is not a charge`, charge.error);
      }
      if (status === 409) {
        throw new ServiceError(
          "conflict",
          "Payments is still processing an earlier charge request for this order; retry the capture shortly.",
        );
      }
      if (status >= 500 || status === 429) throw unavailable(`Payments answered ${status}`);
      // 400/422 and the like mean Orders sent what Payments' contract refuses:
      // a bug on our side, not something a client can fix. It answers 500 and is logged.
      throw new Error(`Payments refused the charge request with ${status}: ${text.slice(0, 500)}`);
    },
    async refund({ idempotencyKey, input, requestId }) {
      const { status, text } = await post("/refunds", idempotencyKey, input, requestId);
      if (status === 200 || status === 201) {
        const refund = RefundResult.safeParse(parseJson(text));
        if (refund.success) return refund.data;
        throw unavailable(`Payments answered ${status} with a body that is not a refund`, refund.error);
      }
      const body = parseJson(text) as { error?: unknown; message?: unknown; details?: unknown } | undefined;
      if (status === 409 && body?.error === "refund_exceeds_captured") {
        throw new ServiceError("refund_exceeds_captured", String(body.message), body.details);
      }
      if (status === 409 || status === 422) {
        // In flight, or an earlier attempt under this key asked for another
        // amount and its outcome never reached Orders: retrying that amount resolves it.
        throw new ServiceError(
          "conflict",
          "Payments is still processing, or holds an unfinished earlier refund of this order; retry shortly.",
        );
      }
      if (status >= 500 || status === 429) throw unavailable(`Payments answered ${status}`);
      throw new Error(`Payments refused the refund request with ${status}: ${text.slice(0, 500)}`);
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function unavailable(why: string, cause?: unknown): ServiceError {
  const error = new ServiceError(
    "service_unavailable",
    `${why}; the order is unchanged, so the request can be retried.`,
  );
  if (cause !== undefined) error.cause = cause;
  return error;
}
