import { DEFAULT_PORTS } from "@shop/contracts";

/** The services a ShopClient talks to. */
export type ServiceName = "inventory" | "orders" | "payments";

export const SERVICE_NAMES = ["inventory", "orders", "payments"] as const satisfies readonly ServiceName[];

/** The ports `pnpm start` and docker compose use (DEFAULT_PORTS of @shop/contracts). */
export const DEFAULT_SERVICE_PORTS = {
  inventory: DEFAULT_PORTS.inventory,
  orders: DEFAULT_PORTS.orders,
  payments: DEFAULT_PORTS.payments,
} as const satisfies Record<ServiceName, number>;

export type ServiceUrls = Record<ServiceName, string>;

/**
 * Where each service answers when createShopClient is not told:
 * `SHOP_<SERVICE>_URL` (SHOP_INVENTORY_URL, ...), else
 * `http://127.0.0.1:<port>` with the port from `<SERVICE>_PORT` (as the
 * services read it) or the standard one.
 */
export function defaultServiceUrls(env: NodeJS.ProcessEnv = process.env): ServiceUrls {
  const urlOf = (service: ServiceName) => {
    const explicit = env[`SHOP_${service.toUpperCase()}_URL`];
    if (explicit) return explicit;
    const port = env[`${service.toUpperCase()}_PORT`] || String(DEFAULT_SERVICE_PORTS[service]);
    return `http://127.0.0.1:${port}`;
  };
  return { inventory: urlOf("inventory"), orders: urlOf("orders"), payments: urlOf("payments") };
}

/** `<base>/trpc`, after checking that base is an http(s) URL: a typo fails here, not on the first call. */
export function trpcEndpoint(service: ServiceName, base: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new TypeError(`The ${service} URL must be an http(s) URL, got "${base}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TypeError(`The ${service} URL must be an http(s) URL, got "${base}"`);
  }
  return `${url.href.replace(/\/+$/, "")}/trpc`;
}
