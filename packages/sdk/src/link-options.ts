/**
 * `@shop/sdk/link-options`: what every tRPC call to a Shop service carries,
 * whoever makes it. Two clients call the services over tRPC: this SDK (one
 * HTTP request per call, for scripts) and the GraphQL gateway (batched, per
 * GraphQL request). They differ in batching and in how they report errors;
 * the headers a service reads and the per-call deadline are the same, and
 * live here so the two cannot drift apart. Node-free and router-free: the
 * gateway imports this module alone, not the SDK's clients.
 */
import { ACTOR_HEADER, REQUEST_ID_HEADER, SERVICE_TOKEN_HEADER, type Actor } from "@shop/contracts";

/** Who and what one call is for; the services read each from its header. */
export interface CallHeaders {
  /** `x-request-id`: the id that follows the call into the service's log lines. */
  requestId: string;
  /** `authorization`, as sent (`Bearer <admin token>`); the service decides what it may do. */
  authorization?: string | undefined;
  /** `x-service-token`: the service credential (SERVICE_TOKEN) of Shop's own parts. */
  serviceToken?: string | undefined;
  /** `x-shop-actor`: the staff member a call acts for, believed only beside the service credential. */
  actor?: Actor | undefined;
}

/** The HTTP headers of one call. */
export function callHeaders(call: CallHeaders): Record<string, string> {
  return {
    [REQUEST_ID_HEADER]: call.requestId,
    ...(call.authorization ? { authorization: call.authorization } : {}),
    ...(call.serviceToken ? { [SERVICE_TOKEN_HEADER]: call.serviceToken } : {}),
    ...(call.actor ? { [ACTOR_HEADER]: JSON.stringify(call.actor) } : {}),
  };
}

/** The fetch a link sends through: the global one, a traced one, or an in-process app in tests. */
export type CallFetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * A link's `fetch` whose every request gives up after `timeoutMs`, response
 * body included (the signal stays on the body), beside the link's own signal
 * (tRPC aborts a call nobody waits for). It rejects with the `TimeoutError`
 * each client turns into its own "did not answer within …".
 */
export function fetchWithTimeout(
  timeoutMs: number,
  fetch: CallFetch,
): (url: URL | string, init?: RequestInit) => Promise<Response> {
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new RangeError(`timeoutMs must be a positive number of milliseconds, got ${timeoutMs}`);
  }
  return async (url, init) => {
    const deadline = new CallDeadline(timeoutMs, init?.signal ?? undefined);
    try {
      return deadline.overBody(await fetch(String(url), { ...init, signal: deadline.signal }));
    } catch (err) {
      deadline.end();
      throw err;
    }
  };
}

/**
 * One call's deadline: a signal aborted by a timer (with the `TimeoutError`
 * AbortSignal.timeout gives) or by the caller's own signal, and ended (the
 * timer cleared, the listener removed) once the answer's body has been read.
 * Not AbortSignal.timeout and AbortSignal.any: their timer stays for the
 * whole timeout and holds the signal through a WeakRef, which V8's
 * young-generation collections treat as strong, so each call's objects (and
 * through its listeners, the request that made it) outlived them.
 */
class CallDeadline {
  readonly #controller = new AbortController();
  readonly #caller: AbortSignal | undefined;
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #callerAborted = () => this.#abort(this.#caller?.reason);

  constructor(timeoutMs: number, caller: AbortSignal | undefined) {
    this.#caller = caller;
    this.#timer = setTimeout(
      () => this.#abort(new DOMException("The operation was aborted due to timeout", "TimeoutError")),
      timeoutMs,
    );
    if (caller?.aborted) this.#abort(caller.reason);
    else caller?.addEventListener("abort", this.#callerAborted, { once: true });
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** The answer, its body (`json()` or `text()`, what tRPC's links read) under the deadline, which ends once it is read. */
  overBody(res: Response): Response {
    const json = res.json.bind(res);
    const text = res.text.bind(res);
    // Defined, not assigned: @hono/node-server's global Response has them read-only on its prototype.
    return Object.defineProperties(res, {
      json: { value: () => this.#settled(json()), writable: true, configurable: true },
      text: { value: () => this.#settled(text()), writable: true, configurable: true },
    });
  }

  end(): void {
    clearTimeout(this.#timer);
    this.#caller?.removeEventListener("abort", this.#callerAborted);
  }

  #abort(reason: unknown): void {
    this.end();
    this.#controller.abort(reason);
  }

  async #settled<T>(reading: Promise<T>): Promise<T> {
    try {
      return await reading;
    } finally {
      this.end();
    }
  }
}
