import type { InventoryRouter } from "@shop/inventory";
import type { OrdersRouter } from "@shop/orders";
import type { PaymentsRouter } from "@shop/payments";
import { createTRPCClient, httpBatchLink, type TRPCClient } from "@trpc/client";
import type { Actor } from "@shop/contracts";
import { callHeaders, fetchWithTimeout } from "@shop/sdk/link-options";
import { MAX_TRPC_BATCH, tracedFetch } from "@shop/service";
import { requestService } from "./service-fetch.ts";

/** Where each service answers (the runner reads them from INVENTORY_URL, ORDERS_URL, PAYMENTS_URL). */
export interface ServiceUrls {
  inventory: string;
  orders: string;
  payments: string;
}

export type ServiceName = keyof ServiceUrls;

/** A fetch per service: the real one in production, an in-process app in tests. */
export type ServiceFetch = (service: ServiceName, url: string, init: RequestInit) => Promise<Response>;

export interface ServiceClients {
  inventory: TRPCClient<InventoryRouter>;
  orders: TRPCClient<OrdersRouter>;
  payments: TRPCClient<PaymentsRouter>;
}

export interface ServiceClientOptions {
  urls: ServiceUrls;
  timeoutMs: number;
  /** Sent as x-request-id on every call, so one id follows a request through every service. */
  requestId: string;
  /** The caller's Authorization header, passed through: the services decide what it may do. */
  authorization?: string;
  /** The service credential (SERVICE_TOKEN), sent on every call: the services believe `actor` only with it. */
  serviceToken: string;
  /** The signed-in staff member this request acts for, if any. */
  actor?: Actor;
  fetch?: ServiceFetch;
}

/**
 * Typed tRPC clients of the three services for one GraphQL request. The types
 * come from the services' routers: a changed contract breaks this build.
 * Calls made in the same tick are batched into one HTTP request per service.
 */
export function createServiceClients(options: ServiceClientOptions): ServiceClients {
  return new LazyServiceClients(options);
}

/**
 * Each client is made when first called: most GraphQL requests reach one
 * service, and these are made per request. A class, so that its getters are
 * its prototype's, shared by every request: an object literal's getters are
 * closures made per object, held by accessor records V8 allocates in its old
 * generation, and through them every request's objects outlived the young
 * generation's collections (6 ms each, not 0.7, for any query that was
 * executed).
 */
class LazyServiceClients implements ServiceClients {
  readonly #options: ServiceClientOptions;
  // The headers and the per-call timeout are the SDK's too (@shop/sdk/link-options).
  readonly #headers: Record<string, string>;
  #inventory: TRPCClient<InventoryRouter> | undefined;
  #orders: TRPCClient<OrdersRouter> | undefined;
  #payments: TRPCClient<PaymentsRouter> | undefined;

  constructor(options: ServiceClientOptions) {
    this.#options = options;
    this.#headers = callHeaders({
      requestId: options.requestId,
      serviceToken: options.serviceToken,
      authorization: options.authorization,
      actor: options.actor,
    });
  }

  get inventory(): TRPCClient<InventoryRouter> {
    return (this.#inventory ??= createTRPCClient<InventoryRouter>({
      links: [httpBatchLink(this.#linkOptions("inventory"))],
    }));
  }

  get orders(): TRPCClient<OrdersRouter> {
    return (this.#orders ??= createTRPCClient<OrdersRouter>({
      links: [httpBatchLink(this.#linkOptions("orders"))],
    }));
  }

  get payments(): TRPCClient<PaymentsRouter> {
    return (this.#payments ??= createTRPCClient<PaymentsRouter>({
      links: [httpBatchLink(this.#linkOptions("payments"))],
    }));
  }

  #linkOptions(service: ServiceName) {
    const options = this.#options;
    const headers = this.#headers;
    // undici's request() over kept-alive connections (service-fetch.ts); tests pass an in-process app.
    const send = options.fetch ?? requestService;
    return {
      url: `${options.urls[service]}/trpc`,
      // The services refuse bigger batches (MAX_TRPC_BATCH); the link splits into several.
      maxItems: MAX_TRPC_BATCH,
      headers: () => headers,
      // A client span per call, carrying the trace on to the service.
      fetch: fetchWithTimeout(
        options.timeoutMs,
        tracedFetch(service, (url, init) => send(service, url, init)),
      ),
    };
  }
}
