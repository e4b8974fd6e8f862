import type { Actor, Order, Product, ProductDetail } from "@shop/contracts";
import type { Logger } from "@shop/service";
import DataLoader from "dataloader";
import { callService } from "./services/call.ts";
import type { SignInLimits } from "./http/sign-in-limits.ts";
import type { StaffDeps } from "./http/staff-session.ts";
import type { CatalogSource, HeldCatalog } from "./services/catalog.ts";
import type { CatalogPages } from "./services/catalog-pages.ts";
import type { ProductNames } from "./services/product-names.ts";
import type { SoldOutOrders } from "./services/sold-out-orders.ts";
import {
  createServiceClients,
  type ServiceClientOptions,
  type ServiceClients,
  type ServiceName,
} from "./services/clients.ts";

/** What every resolver of one GraphQL request gets. (A type, not an interface: graphql-http wants a record.) */
export type GatewayContext = {
  requestId: string;
  log: Logger;
  services: ServiceClients;
  /** Await a service call; failures become ServiceCallErrors with the service's own error code. */
  call<T>(service: ServiceName, pending: Promise<T>): Promise<T>;
  /** Products by id, batched: every `OrderItem.product` of a request in one call to Inventory. */
  productById: DataLoader<string, ProductDetail | null>;
  /** Orders by id, once each per request (a placed order's lines, when a client asks for them). */
  orderById: DataLoader<string, Order>;
  /** The catalog, shared across requests and checked with Inventory once per request. */
  catalog: CatalogSource;
  /**
   * This request's check of the catalog with Inventory (CatalogSource.current),
   * kept here rather than in a WeakMap keyed by the context: V8's young
   * collections keep a WeakMap's values alive, and with them the request.
   */
  catalogCheck: Promise<HeldCatalog> | undefined;
  /**
   * The slice of a catalog too large to hold that Query.products resolves to
   * while the answer is made slice by slice (services/catalog-slices.ts).
   */
  productsSlice: Product[] | undefined;
  /** Catalog pages, shared across requests and dropped per product as the database tells of changes. */
  catalogPages: CatalogPages;
  /** Product names for refused orders' messages, shared across requests. */
  productNames: ProductNames;
  /** Orders' sold-out gate in front of Orders, shared across requests (absent: not listening to changes). */
  soldOut: SoldOutOrders | undefined;
  /** Who acts: the signed-in staff member, or the admin token (machine); none for shoppers. */
  actor: Actor | undefined;
  /** Staff accounts and sessions (absent when the gateway runs without a database: tests over fakes). */
  staff: StaffDeps | undefined;
  /** The request's session cookie token, if any. */
  sessionToken: string | undefined;
  /** The client's address, for per-address sign-in limits. */
  clientAddress: string;
  /** Failed sign-ins counted per account and per address (shared through Redis when set). */
  signInLimits: SignInLimits;
  /** Set-Cookie headers the response will carry (sign in, sign out). */
  setCookie(value: string): void;
  /** Whether the request came over HTTPS (the cookie is then Secure). */
  https: boolean;
};

/** What the gateway knows of a request before any resolver runs. */
export interface RequestIdentity {
  actor: Actor | undefined;
  staff: StaffDeps | undefined;
  sessionToken: string | undefined;
  clientAddress: string;
  signInLimits: SignInLimits;
  setCookie(value: string): void;
  https: boolean;
}

export function createContext(
  options: ServiceClientOptions & {
    log: Logger;
    catalog: CatalogSource;
    catalogPages: CatalogPages;
    productNames: ProductNames;
    soldOut?: SoldOutOrders;
    identity: RequestIdentity;
  },
): GatewayContext {
  const services = createServiceClients(options);
  const call = <T>(service: ServiceName, pending: Promise<T>) =>
    callService(service, pending, options.timeoutMs);
  const productById = new DataLoader<string, ProductDetail | null>(
    async (ids) => {
      const found = await call("inventory", services.inventory.products.byIds.query({ ids: [...ids] }));
      const byId = new Map(found.map((p) => [p.id, p]));
      return ids.map((id) => byId.get(id) ?? null);
    },
    { maxBatchSize: 500 },
  );
  // tRPC's batch link already sends the calls of one tick in one HTTP request. Each id
  // answers for itself: one order not found must not fail the others loaded with it.
  const orderById = new DataLoader<string, Order>((ids) =>
    Promise.all(
      ids.map((id) =>
        call("orders", services.orders.orders.get.query({ id })).catch((err: unknown) =>
          err instanceof Error ? err : new Error(String(err)),
        ),
      ),
    ),
  );
  return {
    requestId: options.requestId,
    log: options.log,
    services,
    call,
    productById,
    orderById,
    catalog: options.catalog,
    catalogCheck: undefined,
    productsSlice: undefined,
    catalogPages: options.catalogPages,
    productNames: options.productNames,
    soldOut: options.soldOut,
    ...options.identity,
  };
}
