import { ErrorCode, type StockShortfall } from "@shop/contracts";
import { AnswerError, isTimeoutError } from "@shop/service";
import { TRPCClientError } from "@trpc/client";
import type { ServiceName } from "./clients.ts";

/** What a failed service call said: the service's stable error code, status and details. */
export class ServiceCallError extends AnswerError {
  override readonly name = "ServiceCallError";
  readonly service: ServiceName;
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: unknown;
  constructor(service: ServiceName, code: ErrorCode, status: number, message: string, details?: unknown) {
    // A service's answer to the client (a 4xx) is not a fault here either.
    super(message, { fault: status >= 500 });
    this.service = service;
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

/** Whether a service call failed because what it asked for does not exist (a 404, `not_found`). */
export const isNotFound = (err: unknown): boolean =>
  err instanceof ServiceCallError && err.code === "not_found";

/** The shortfalls an insufficient_stock answer's details name (what is not one is left out). */
export const shortfallsOf = (details: unknown): StockShortfall[] =>
  Array.isArray(details)
    ? (details as unknown[]).filter(
        (d): d is StockShortfall =>
          typeof d === "object" &&
          d !== null &&
          "productId" in d &&
          typeof d.productId === "string" &&
          "requested" in d &&
          typeof d.requested === "number" &&
          "available" in d &&
          typeof d.available === "number",
      )
    : [];

interface ServiceErrorData {
  error?: unknown;
  httpStatus?: unknown;
  details?: unknown;
}

/**
 * Await a service call, turning whatever failed into a ServiceCallError:
 * the service's own `{error, message, details}` when it answered, else
 * `service_unavailable` (down, refused, timed out) with a message naming it.
 */
export async function callService<T>(service: ServiceName, call: Promise<T>, timeoutMs: number): Promise<T> {
  try {
    return await call;
  } catch (err) {
    if (err instanceof TRPCClientError) {
      const data = (err.data ?? {}) as ServiceErrorData;
      const code = ErrorCode.safeParse(data.error);
      if (code.success && typeof data.httpStatus === "number") {
        throw new ServiceCallError(service, code.data, data.httpStatus, err.message, data.details);
      }
    }
    const why = isTimeoutError(err) ? `did not answer within ${timeoutMs} ms` : "is not reachable";
    throw new ServiceCallError(service, "service_unavailable", 503, `The ${service} service ${why}.`);
  }
}
