/**
 * A fake GraphQL gateway at the network's edge: a `fetch` that answers the
 * web shop's operations by name from in-memory data. The real urql client,
 * the generated documents and the app run on top of it, unchanged.
 */
import { vi } from "vitest";
import type { PlaceOrderInput } from "../src/gql/graphql.ts";

export interface FakeProduct {
  id: string;
  name: string;
  priceCents: number;
  stockQty: number;
}

export const MUG: FakeProduct = { id: "p-mug", name: "Mug", priceCents: 1_200, stockQty: 1 };
export const TEAPOT: FakeProduct = { id: "p-teapot", name: "Teapot", priceCents: 3_400, stockQty: 8 };
export const GRINDER: FakeProduct = {
  id: "p-grinder",
  name: "Burr Grinder",
  priceCents: 12_900,
  stockQty: 0,
};

interface GraphQLRequest {
  operationName: string;
  variables: Record<string, unknown>;
}

type Answer = { data: unknown } | { errors: { message: string; extensions?: Record<string, unknown> }[] };

/** What placeOrder answers: the placed order (as the server would make it) or a typed error. */
export type PlaceOrderBehaviour = (
  input: PlaceOrderInput,
) => Record<string, unknown> | Promise<Record<string, unknown>>;

export function createFakeGateway(products: FakeProduct[] = [MUG, TEAPOT, GRINDER]) {
  const orders = new Map<string, Record<string, unknown>>();
  const placeOrderInputs: PlaceOrderInput[] = [];
  let down = false;
  let hung = false;

  const placeAndStore: PlaceOrderBehaviour = (input) => {
    const items = input.items.map((item) => {
      const product = products.find((p) => p.id === item.productId);
      if (!product) throw new Error(`unknown product ${item.productId}`);
      return {
        qty: item.qty,
        priceCents: product.priceCents,
        product: { __typename: "Product", id: product.id, name: product.name },
      };
    });
    const address = input.shippingAddress;
    const order = {
      __typename: "Order",
      id: `00000000-0000-4000-8000-${String(orders.size + 1).padStart(12, "0")}`,
      number: 1001 + orders.size,
      accessToken: `token-${orders.size + 1}`,
      status: "PENDING",
      totalCents: items.reduce((sum, i) => sum + i.qty * i.priceCents, 0),
      refundedCents: 0,
      createdAt: "2026-11-26T12:00:00.000Z",
      items: items.map((i) => ({ __typename: "OrderItem", ...i })),
      customer: input.customer
        ? { __typename: "Customer", name: input.customer.name, email: input.customer.email }
        : null,
      shippingAddress: address
        ? {
            __typename: "ShippingAddress",
            line1: address.line1,
            line2: address.line2 ?? null,
            city: address.city,
            postalCode: address.postalCode,
            region: address.region ?? null,
            country: address.country,
          }
        : null,
      shipment: null,
    };
    orders.set(order.id, order);
    return order;
  };

  let placeOrder: PlaceOrderBehaviour = placeAndStore;

  async function answer(request: GraphQLRequest): Promise<Answer> {
    switch (request.operationName) {
      case "Products":
        return { data: { products: products.map((p) => ({ __typename: "Product", ...p })) } };
      case "Catalog": {
        // Pages by position; the search is a plain substring match (the real one lives in Inventory).
        const { first, after, search, inStock } = request.variables as {
          first: number;
          after?: string | null;
          search?: string | null;
          inStock?: boolean | null;
        };
        const matching = products.filter(
          (p) =>
            (!search || p.name.toLowerCase().includes(search.toLowerCase())) && (!inStock || p.stockQty > 0),
        );
        const start = after ? Number(after) + 1 : 0;
        const page = matching.slice(start, start + first);
        return {
          data: {
            catalog: {
              __typename: "ProductConnection",
              totalCount: matching.length,
              edges: page.map((p) => ({
                __typename: "ProductEdge",
                node: { __typename: "Product", images: [], ...p },
              })),
              pageInfo: {
                __typename: "PageInfo",
                hasNextPage: start + first < matching.length,
                endCursor: page.length > 0 ? String(start + page.length - 1) : null,
              },
            },
          },
        };
      }
      case "Order": {
        // Like the gateway: an id that is no UUID is refused, and the whole order only with its token.
        const id = request.variables["id"] as string;
        if (!/^[0-9a-f-]{36}$/.test(id)) {
          return { errors: [{ message: "invalid id", extensions: { code: "VALIDATION_FAILED" } }] };
        }
        const order = orders.get(id);
        const token = request.variables["accessToken"];
        return { data: { order: order && token === order["accessToken"] ? order : null } };
      }
      case "OrderLookup": {
        const { number, email } = request.variables as { number: number; email: string };
        const order = [...orders.values()].find(
          (o) =>
            o["number"] === number &&
            (o["customer"] as { email: string } | null)?.email.toLowerCase() === email.toLowerCase(),
        );
        return {
          data: {
            orderLookup: order ?? {
              __typename: "NotFoundError",
              message: "No order has that number and email address; check both and try again.",
            },
          },
        };
      }
      case "Product": {
        const product = products.find((p) => p.id === request.variables["id"]);
        return {
          data: {
            product: product
              ? { __typename: "Product", description: "", sku: null, images: [], ...product }
              : null,
          },
        };
      }
      case "PlaceOrder": {
        const input = request.variables["input"] as PlaceOrderInput;
        placeOrderInputs.push(input);
        return { data: { placeOrder: await placeOrder(input) } };
      }
      default:
        throw new Error(`the fake gateway does not know ${request.operationName}`);
    }
  }

  // GraphQL over HTTP as urql speaks it: queries as GET (params in the URL), mutations as POST.
  const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    if (down) throw new TypeError("Failed to fetch");
    if (hung) {
      // Accepts the request and never answers: only the caller's signal (the deadline) ends it.
      return new Promise<Response>((_resolve, reject) => {
        const signal = init?.signal;
        signal?.addEventListener("abort", () => reject(signal.reason as Error));
      });
    }
    let request: GraphQLRequest;
    if (init?.method === "GET") {
      const params = new URL(url instanceof Request ? url.url : url).searchParams;
      request = {
        operationName: params.get("operationName") ?? "",
        variables: JSON.parse(params.get("variables") ?? "{}") as Record<string, unknown>,
      };
    } else {
      request = JSON.parse(typeof init?.body === "string" ? init.body : "") as GraphQLRequest;
    }
    return Response.json(await answer(request));
  });

  return {
    fetch: fetch as typeof globalThis.fetch,
    /** Every placeOrder input received, in order. */
    placeOrderInputs,
    products,
    /** The orders placed, by id: a test may change one's status as the admin would. */
    orders,
    /** The gateway takes requests and never answers (or answers again). */
    setHung(value: boolean) {
      hung = value;
    },
    /** The gateway stops (or starts) answering: fetch fails as a browser's does. */
    setDown(value: boolean) {
      down = value;
    },
    /** Replaces placeOrder's behaviour; `place` places the order as normal. */
    onPlaceOrder(
      behaviour: (input: PlaceOrderInput, place: PlaceOrderBehaviour) => ReturnType<PlaceOrderBehaviour>,
    ) {
      placeOrder = (input) => behaviour(input, placeAndStore);
    },
  };
}

export type FakeGateway = ReturnType<typeof createFakeGateway>;
