/**
 * What a person checks once the stack is up, through the published ports
 * only: both SPAs served (their page, a route of theirs, a hashed asset), the
 * catalog through GraphQL (gateway → Inventory → PostgreSQL), an order placed
 * and captured through GraphQL (gateway → Orders → Payments), and that order
 * read back through Orders' REST.
 */
import { randomUUID } from "node:crypto";

export interface Ports {
  gateway: number;
  orders: number;
  web: number;
  admin: number;
}

export interface Check {
  name: string;
  run: () => Promise<void>;
}

const TIMEOUT = { signal: () => AbortSignal.timeout(10_000) };

function expect(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function spaServed(name: string, port: number): Promise<void> {
  const base = `http://127.0.0.1:${port}`;
  const page = await fetch(`${base}/`, { signal: TIMEOUT.signal() });
  const html = await page.text();
  expect(page.ok, `${name}: GET / answered ${page.status}`);
  expect(html.includes('id="root"'), `${name}: GET / is not the app's page`);
  const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  expect(asset !== undefined, `${name}: the page names no /assets/*.js script`);
  const script = await fetch(`${base}${asset}`, { signal: TIMEOUT.signal() });
  expect(script.ok, `${name}: GET ${asset} answered ${script.status}`);
  expect(
    (script.headers.get("content-type") ?? "").includes("javascript"),
    `${name}: ${asset} is served as ${script.headers.get("content-type")}`,
  );
  expect(
    (script.headers.get("cache-control") ?? "").includes("immutable"),
    `${name}: ${asset} is not cached for good`,
  );
  // A route of the app's own, loaded directly: the same page, not a 404.
  const route = await fetch(`${base}/some/route/of/the/app`, { signal: TIMEOUT.signal() });
  expect(
    route.ok && (await route.text()) === html,
    `${name}: a direct link to a route is not the app's page`,
  );
}

async function graphql<T>(
  ports: Ports,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${ports.gateway}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: TIMEOUT.signal(),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  expect(
    response.ok && body.data !== undefined && !body.errors,
    `GraphQL answered ${response.status}: ${JSON.stringify(body)}`,
  );
  return body.data;
}

interface Product {
  id: string;
  name: string;
  priceCents: number;
  stockQty: number;
}

export function checks(ports: Ports, adminToken: string): Check[] {
  let product: Product | undefined;
  let orderId: string | undefined;
  return [
    { name: "web shop served", run: () => spaServed("web", ports.web) },
    { name: "admin served", run: () => spaServed("admin", ports.admin) },
    {
      name: "catalog through GraphQL",
      run: async () => {
        const data = await graphql<{ products: Product[] }>(
          ports,
          "{ products { id name priceCents stockQty } }",
          {},
        );
        expect(data.products.length > 0, "the catalog is empty: the migrate job seeded nothing");
        product = data.products.find((p) => p.stockQty > 0);
        expect(product !== undefined, "no product in the catalog has stock");
      },
    },
    {
      name: "order placed and captured",
      run: async () => {
        expect(product !== undefined, "no product to order");
        const placed = await graphql<{ placeOrder: { __typename: string; id?: string; status?: string } }>(
          ports,
          `
            mutation Place($input: PlaceOrderInput!) {
              placeOrder(input: $input) {
                __typename
                ... on Order {
                  id
                  status
                }
                ... on Error {
                  message
                }
              }
            }
          `,
          { input: { idempotencyKey: randomUUID(), items: [{ productId: product.id, qty: 1 }] } },
        );
        expect(placed.placeOrder.__typename === "Order", `placeOrder: ${JSON.stringify(placed.placeOrder)}`);
        orderId = placed.placeOrder.id;
        const captured = await graphql<{ capturePayment: { __typename: string; status?: string } }>(
          ports,
          `
            mutation Capture($id: ID!) {
              capturePayment(orderId: $id) {
                __typename
                ... on Order {
                  id
                  status
                }
                ... on Error {
                  message
                }
              }
            }
          `,
          { id: orderId },
          adminToken,
        );
        expect(
          captured.capturePayment.__typename === "Order" && captured.capturePayment.status === "PAID",
          `capturePayment: ${JSON.stringify(captured.capturePayment)}`,
        );
      },
    },
    {
      name: "order read through Orders' REST",
      run: async () => {
        expect(orderId !== undefined && product !== undefined, "no order was placed");
        const response = await fetch(`http://127.0.0.1:${ports.orders}/orders/${orderId}`, {
          signal: TIMEOUT.signal(),
        });
        const order = (await response.json()) as {
          id?: string;
          status?: string;
          // The REST contract's names (snake_case), not GraphQL's.
          total_cents?: number;
          items?: Array<{ product_id: string; qty: number }>;
        };
        expect(response.ok, `GET /orders/${orderId} answered ${response.status}: ${JSON.stringify(order)}`);
        expect(order.id === orderId && order.status === "PAID", `the order reads ${JSON.stringify(order)}`);
        expect(
          order.total_cents === product.priceCents && order.items?.[0]?.product_id === product.id,
          `the order's lines read ${JSON.stringify(order)}`,
        );
      },
    },
  ];
}
