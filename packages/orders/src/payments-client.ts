import { ChargeResult, type CreateChargeInput } from "@shop/contracts";
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
    requestId?: string;
  }): Promise<ChargeResult>;
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
  // A client span per charge request, carrying the trace on to Payments.
  const fetchCharge = tracedFetch("payments", (url, init) => (options.fetch ?? fetch)(url, init));
  const chargesUrl = new URL("/charges", options.baseUrl);

  return {
    timeoutMs,
    async charge({ idempotencyKey, input, requestId }) {
      const headers: Record<string, string> = {
        "content-type": "application/json",
        "idempotency-key": idempotencyKey,
        [SERVICE_TOKEN_HEADER]: options.serviceToken,
      };
      if (requestId) headers[REQUEST_ID_HEADER] = requestId;

      let status: number;
      let text: string;
      try {
        // One signal bounds the whole exchange, body included: a Payments that
        // sends headers and then stalls is as unreachable as one that is down.
        const res = await fetchCharge(chargesUrl.toString(), {
          method: "POST",
          headers,
          body: JSON.stringify(input),
          signal: AbortSignal.timeout(timeoutMs),
        });
        status = res.status;
        text = await res.text();
      } catch (err) {
        const why = isTimeoutError(err) ? `did not answer within ${timeoutMs} ms` : "is not reachable";
        throw unavailable(`Payments ${why}`, err);
      }

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
    `${why}; the order is unchanged, so the capture can be retried.`,
  );
  if (cause !== undefined) error.cause = cause;
  return error;
}
