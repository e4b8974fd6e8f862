/**
 * Load through the gateway: a few concurrent clients placing orders and
 * reading the catalog in a loop, each answer timed and classified. Bounded
 * in time and in count, and aimed at the gateway on this machine only.
 */
import { graphql, PLACE_ORDER, PRODUCTS } from "./http-client.ts";

export interface Outcome {
  kind: "placeOrder" | "products";
  /** performance.now() when the request was sent. */
  sentAt: number;
  ms: number;
  /** "ok", an extensions.code (SERVICE_UNAVAILABLE, ...), a typed error's __typename, or "no answer". */
  result: string;
  orderId?: string;
}

export interface LoadOptions {
  gatewayUrl: string;
  productIds: string[];
  clients: number;
  durationMs: number;
  /** A hard bound on the requests sent, whatever the duration. */
  maxRequests: number;
}

/** Runs the load for `durationMs` (or `maxRequests`), then resolves with every outcome. */
export async function runLoad(options: LoadOptions): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const deadline = performance.now() + options.durationMs;
  let sent = 0;
  const client = async (n: number) => {
    for (let i = n; performance.now() < deadline && sent < options.maxRequests; i++) {
      sent++;
      const sentAt = performance.now();
      if (i % 2 === 0) {
        const productId = options.productIds[i % options.productIds.length]!;
        const { answer, data, errors } = await graphql(options.gatewayUrl, PLACE_ORDER, {
          input: { items: [{ productId, qty: 1 }] },
        });
        const placed = data?.placeOrder as { __typename?: string; id?: string } | undefined;
        const result =
          answer.status === 0
            ? "no answer"
            : placed?.__typename === "Order"
              ? "ok"
              : (errors?.[0]?.extensions?.code ?? placed?.__typename ?? `HTTP ${answer.status}`);
        outcomes.push({
          kind: "placeOrder",
          sentAt,
          ms: answer.ms,
          result,
          ...(placed?.id ? { orderId: placed.id } : {}),
        });
      } else {
        const { answer, data, errors } = await graphql(options.gatewayUrl, PRODUCTS);
        const result =
          answer.status === 0
            ? "no answer"
            : Array.isArray(data?.products)
              ? "ok"
              : (errors?.[0]?.extensions?.code ?? `HTTP ${answer.status}`);
        outcomes.push({ kind: "products", sentAt, ms: answer.ms, result });
      }
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, n) => client(n)));
  return outcomes;
}

/** "result ×count" per result, for messages. */
export function summarise(outcomes: Outcome[]): string {
  const counts = new Map<string, number>();
  for (const o of outcomes)
    counts.set(`${o.kind} ${o.result}`, (counts.get(`${o.kind} ${o.result}`) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${k} ×${n}`).join(", ");
}
