import { createLogger } from "@shop/service";
import { TEST_SERVICE_TOKEN } from "@shop/service/testing";
import { createGatewayApp, type GatewayDeps } from "../src/app.ts";
import type { ServiceFetch } from "../src/services/clients.ts";

export const SERVICE_URLS = {
  inventory: "http://inventory.test",
  orders: "http://orders.test",
  payments: "http://payments.test",
};

/** The gateway app in-process, its service calls going to `fetch`. */
export function gatewayOver(fetch: ServiceFetch, overrides: Partial<GatewayDeps> = {}) {
  const app = createGatewayApp({
    log: createLogger("gateway", "silent"),
    serviceUrls: SERVICE_URLS,
    serviceTimeoutMs: 500,
    corsOrigins: ["http://localhost:5173"],
    rateLimitPerMinute: 0,
    serviceToken: TEST_SERVICE_TOKEN,
    fetch,
    ...overrides,
  });

  async function graphql(
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: GraphQLBody; headers: Headers }> {
    const res = await app.request("/graphql", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json",
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: (await res.json()) as GraphQLBody, headers: res.headers };
  }
  return { app, graphql };
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
}
