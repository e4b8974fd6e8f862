import { portOf, type ShopPart } from "@shop/contracts";

/** One process `pnpm start` runs: where its entry point is and where it answers. */
export interface ServiceSpec {
  part: ShopPart;
  entry: string;
  port: number;
  /** What to print beside its URL. */
  offers: string;
}

/** Every service of the stack, in start order. */
export function stackServices(env: NodeJS.ProcessEnv = process.env): ServiceSpec[] {
  return [
    {
      part: "inventory",
      entry: "apps/inventory/src/main.ts",
      port: portOf("inventory", env),
      offers: "REST /products, tRPC /trpc, /openapi.json",
    },
    {
      part: "payments",
      entry: "apps/payments/src/main.ts",
      port: portOf("payments", env),
      offers: "REST /charges (Idempotency-Key), tRPC /trpc, /openapi.json",
    },
    {
      part: "orders",
      entry: "apps/orders/src/main.ts",
      port: portOf("orders", env),
      offers: "REST /orders, tRPC /trpc, /openapi.json",
    },
    {
      part: "gateway",
      entry: "apps/gateway/src/main.ts",
      port: portOf("gateway", env),
      offers: "GraphQL /graphql (GraphiQL in a browser)",
    },
  ];
}
