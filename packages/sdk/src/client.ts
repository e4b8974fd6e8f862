import { randomUUID } from "node:crypto";
import type { InventoryRouter } from "@shop/inventory";
import type { OrdersRouter } from "@shop/orders";
import type { PaymentsRouter } from "@shop/payments";
import { createTRPCClient, httpLink, type TRPCClient } from "@trpc/client";
import type { AnyTRPCRouter } from "@trpc/server";
import { NotAServiceAnswer, ShopClientError, type FailedCall } from "./errors.ts";
import { callHeaders, fetchWithTimeout } from "./link-options.ts";
import { defaultServiceUrls, trpcEndpoint, type ServiceName } from "./urls.ts";

/** A fetch: the global one by default; tests route calls to in-process apps. */
export type ShopFetch = (url: string, init: RequestInit) => Promise<Response>;

export interface ShopClientOptions {
  /** Inventory's base URL; default SHOP_INVENTORY_URL, else http://127.0.0.1:4001. */
  inventoryUrl?: string;
  /** Orders' base URL; default SHOP_ORDERS_URL, else http://127.0.0.1:4002. */
  ordersUrl?: string;
  /** Payments' base URL; default SHOP_PAYMENTS_URL, else http://127.0.0.1:4003. */
  paymentsUrl?: string;
  /** Sent as `Authorization: Bearer <token>`; only admin procedures need it. */
  adminToken?: string;
  /**
   * Sent as `x-service-token` (SERVICE_TOKEN, `.data/service-token`):
   * Payments answers nobody without it. Only scripts that read charges need it.
   */
  serviceToken?: string;
  /**
   * The `x-request-id` of each call: one fixed id (to find a whole script run
   * in the logs), a function called once per call, or unset: a new UUID per
   * call. A call can set its own with `{ context: { requestId } }`.
   * Services accept up to 128 of `A-Z a-z 0-9 _ . : -` and replace anything else.
   */
  requestId?: string | (() => string);
  /** How long one call may take, response body included; default 10 000 ms. */
  timeoutMs?: number;
  fetch?: ShopFetch;
}

/** Typed tRPC clients of the three services: `shop.inventory.products.list.query()`. */
export interface ShopClient {
  inventory: TRPCClient<InventoryRouter>;
  orders: TRPCClient<OrdersRouter>;
  payments: TRPCClient<PaymentsRouter>;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Clients of Inventory, Orders and Payments, typed by the services' own
 * router types: a contract change that a script does not follow fails
 * `pnpm typecheck`. Every call sends an `x-request-id`, is bounded by
 * `timeoutMs` and rejects with a ShopClientError.
 *
 * Each call is one HTTP request (httpLink, no batching), so it has its own
 * request id and timeout. Node's fetch keeps connections to each service
 * alive and reuses them, so a script making many calls does not pay for a
 * new TCP connection each time.
 */
export function createShopClient(options: ShopClientOptions = {}): ShopClient {
  const defaults = defaultServiceUrls();
  const urls = {
    inventory: options.inventoryUrl ?? defaults.inventory,
    orders: options.ordersUrl ?? defaults.orders,
    payments: options.paymentsUrl ?? defaults.payments,
  };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const given = options.requestId;
  const nextRequestId: () => string =
    typeof given === "function" ? given : given !== undefined ? () => given : () => randomUUID();
  const doFetch: ShopFetch = options.fetch ?? ((url, init) => fetch(url, init));

  // A service always answers JSON; anything else came from something in
  // between (a proxy's error page) or from the wrong address.
  const fetchJson: ShopFetch = async (url, init) => {
    const res = await doFetch(url, init);
    const type = res.headers.get("content-type") ?? "no content type";
    if (!type.startsWith("application/json")) {
      await res.body?.cancel();
      throw new NotAServiceAnswer(res.status, type);
    }
    return res;
  };
  // One link per service, typed for any router: the three routers share the
  // same (absent) transformer, which TypeScript cannot see through a generic.
  // Its headers and its per-call timeout are the gateway's too (link-options.ts).
  const link = (service: ServiceName) =>
    httpLink<AnyTRPCRouter>({
      url: trpcEndpoint(service, urls[service]),
      headers: ({ op }) =>
        callHeaders({
          requestId: String(op.context.requestId),
          authorization: options.adminToken ? `Bearer ${options.adminToken}` : undefined,
          serviceToken: options.serviceToken,
        }),
      fetch: fetchWithTimeout(timeoutMs, fetchJson),
    });
  const client = <TRouter extends AnyTRPCRouter>(service: ServiceName): TRPCClient<TRouter> => {
    const site: CallSite = { service, url: urls[service], timeoutMs, nextRequestId };
    return perCall(createTRPCClient<TRouter>({ links: [link(service)] }), site, []);
  };

  return {
    inventory: client<InventoryRouter>("inventory"),
    orders: client<OrdersRouter>("orders"),
    payments: client<PaymentsRouter>("payments"),
  };
}

interface CallSite extends Pick<FailedCall, "service" | "url" | "timeoutMs"> {
  nextRequestId: () => string;
}

type CallOptions = { context?: Record<string, unknown> } & Record<string, unknown>;
type Call = (input: unknown, options?: CallOptions) => Promise<unknown>;

/**
 * The tRPC client, with what happens per call added: each `.query()` and
 * `.mutate()` gets its request id (handed to the link through the
 * operation context) and rejects with a ShopClientError instead of tRPC's
 * generic error. Its type is unchanged: tRPC types results, not rejections.
 */
function perCall<T extends object>(target: T, site: CallSite, path: readonly string[]): T {
  return new Proxy(target, {
    get(obj, key) {
      const value: unknown = Reflect.get(obj, key);
      if (typeof key !== "string" || typeof value !== "function") return value;
      if (key !== "query" && key !== "mutate") return perCall(value, site, [...path, key]);
      const procedure = path.join(".");
      const call = value as Call;
      return async (input: unknown, callOptions?: CallOptions) => {
        const own = callOptions?.context?.requestId;
        const requestId = typeof own === "string" ? own : site.nextRequestId();
        try {
          return await call(input, { ...callOptions, context: { ...callOptions?.context, requestId } });
        } catch (err) {
          throw ShopClientError.from(err, { ...site, procedure, requestId });
        }
      };
    },
  });
}
