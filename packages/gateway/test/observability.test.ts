import { createMetricsApp, startTracing, type ServiceMetrics } from "@shop/service";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, useRealServices } from "./real-services.ts";

// Tracing on for this file's process, spans kept in memory to look at.
const exporter = new InMemorySpanExporter();
const tracing = await startTracing("test", { spanProcessor: new SimpleSpanProcessor(exporter) });
afterAll(() => tracing?.shutdown());

const stack = useRealServices();

async function createProduct(name: string): Promise<string> {
  const { body } = await stack.gateway.graphql(
    `mutation { createProduct(input: {name: "${name}", priceCents: 700, stockQty: 5}) { ... on AdminProduct { id } } }`,
    undefined,
    { authorization: `Bearer ${ADMIN_TOKEN}` },
  );
  return (body.data?.createProduct as { id: string }).id;
}

describe("traces", () => {
  it("follow one placeOrder from the gateway through Orders into the database, as one trace", async () => {
    const productId = await createProduct("Traced mug");
    exporter.reset();
    const { body } = await stack.gateway.graphql(
      `mutation($id: ID!) { placeOrder(input: {items: [{productId: $id, qty: 1}]}) { __typename } }`,
      { id: productId },
      { "x-request-id": "trace-me" },
    );
    expect(body.data?.placeOrder).toEqual({ __typename: "Order" });

    const spans = exporter.getFinishedSpans();
    const gatewaySpan = spans.find((s) => s.name === "POST /graphql");
    expect(gatewaySpan).toBeDefined();
    const inTrace = spans.filter((s) => s.spanContext().traceId === gatewaySpan!.spanContext().traceId);
    const names = inTrace.map((s) => s.name);
    expect(names).toContain("POST orders"); // the gateway's client span
    expect(names.some((n) => n.startsWith("POST /trpc"))).toBe(true); // Orders' server span
    expect(names).toContain("SELECT place_order"); // the placement, sent to PostgreSQL as it is
    expect(gatewaySpan!.attributes["shop.request_id"]).toBe("trace-me");
  });

  it("follow a read through Inventory into Prisma's queries, as one trace", async () => {
    const productId = await createProduct("Traced jug");
    exporter.reset();
    const { body } = await stack.gateway.graphql(`query($id: ID!) { product(id: $id) { name } }`, {
      id: productId,
    });
    expect(body.data?.product).toEqual({ name: "Traced jug" });

    const spans = exporter.getFinishedSpans();
    const gatewaySpan = spans.find((s) => s.name === "POST /graphql");
    const inTrace = spans.filter((s) => s.spanContext().traceId === gatewaySpan!.spanContext().traceId);
    expect(inTrace.some((s) => s.name.startsWith("prisma:"))).toBe(true);
  });
});

describe("/metrics", () => {
  it("counts requests by route, orders placed and refused, and charges by status", async () => {
    const productId = await createProduct("Metered mug");
    const place = (qty: number) =>
      stack.gateway.graphql(
        `mutation($id: ID!, $qty: Int!) { placeOrder(input: {items: [{productId: $id, qty: $qty}]}) { __typename ... on Order { id } } }`,
        { id: productId, qty },
      );
    const placed = (await place(1)).body.data?.placeOrder as { id: string };
    await place(99); // refused: insufficient stock
    await stack.gateway.graphql(
      `mutation($id: ID!) { capturePayment(orderId: $id) { __typename } }`,
      { id: placed.id },
      { authorization: `Bearer ${ADMIN_TOKEN}` },
    );

    // Not on the services' public ports any more: on their own (loopback) metrics port.
    // (Payments answers strangers 401 before it would say 404.)
    for (const app of [stack.gateway.app, stack.apps.inventory, stack.apps.orders, stack.apps.payments]) {
      expect([401, 404]).toContain((await app.request("/metrics")).status);
    }
    const scrape = async (metrics: ServiceMetrics) => {
      const res = await createMetricsApp(metrics).request("/metrics");
      expect(res.headers.get("content-type")).toMatch(/text\/plain/);
      return res.text();
    };
    const orders = await scrape(stack.apps.metrics.orders);
    expect(orders).toMatch(/^orders_placed_total\{service="orders"\} [1-9]/m);
    expect(orders).toMatch(/^orders_refused_total\{reason="insufficient_stock",service="orders"\} [1-9]/m);
    expect(orders).toMatch(
      /^http_requests_total\{method="POST",route="\/trpc\/\*",status="200",service="orders"\} /m,
    );
    expect(orders).toMatch(/^http_request_duration_seconds_bucket\{/m);
    expect(await scrape(stack.apps.metrics.payments)).toMatch(
      /^charges_total\{status="succeeded",service="payments"\} 1$/m,
    );
  });
});
