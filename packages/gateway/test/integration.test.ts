import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, useRealServices } from "./real-services.ts";

// The gateway over the real services and a real database: one placeOrder
// goes gateway → orders (tRPC) → PostgreSQL, and reads come back through inventory.
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const stack = useRealServices();

const PLACE = `mutation($input: PlaceOrderInput!) {
  placeOrder(input: $input) {
    __typename
    ... on Order { id status totalCents items { qty priceCents product { id name stockQty } } }
    ... on InsufficientStockError { message lines { productName requested available } }
    ... on Error { message }
  }
}`;

async function createProduct(name: string, priceCents: number, stockQty: number): Promise<string> {
  const { body } = await stack.gateway.graphql(
    `mutation($input: CreateProductInput!) { createProduct(input: $input) { __typename ... on AdminProduct { id } } }`,
    { input: { name, priceCents, stockQty } },
    admin,
  );
  return (body.data?.createProduct as { id: string }).id;
}

const stockOf = async (id: string) =>
  (await stack.db.prisma.product.findUniqueOrThrow({ where: { id } })).stockQty;

describe("the gateway over the real services", () => {
  it("places an order across services, decrements stock, and reads it back", async () => {
    const mug = await createProduct("Gateway Mug", 1_200, 5);
    const pot = await createProduct("Gateway Pot", 3_400, 2);
    const placed = await stack.gateway.graphql(PLACE, {
      input: {
        items: [
          { productId: mug, qty: 2 },
          { productId: pot, qty: 1 },
        ],
      },
    });
    const order = placed.body.data?.placeOrder as { __typename: string; id: string; totalCents: number };
    expect(order).toMatchObject({ __typename: "Order", status: "PENDING", totalCents: 5_800 });
    expect(await stockOf(mug)).toBe(3);
    expect(await stockOf(pot)).toBe(1);

    const read = await stack.gateway.graphql(
      `query($id: ID!) { order(id: $id) { id totalCents items { qty product { name } } } }`,
      { id: order.id },
    );
    expect(read.body.data?.order).toEqual({
      id: order.id,
      totalCents: 5_800,
      items: expect.arrayContaining([
        { qty: 2, product: { name: "Gateway Mug" } },
        { qty: 1, product: { name: "Gateway Pot" } },
      ]),
    });
  });

  it("answers more than the stock with a typed error naming the product, and changes nothing", async () => {
    const mug = await createProduct("Last Mug", 1_200, 1);
    const ordersBefore = await stack.db.prisma.order.count();
    const { body } = await stack.gateway.graphql(PLACE, { input: { items: [{ productId: mug, qty: 2 }] } });
    expect(body.data?.placeOrder).toMatchObject({
      __typename: "InsufficientStockError",
      message: expect.stringContaining("Last Mug"),
      lines: [{ productName: "Last Mug", requested: 2, available: 1 }],
    });
    expect(await stockOf(mug)).toBe(1);
    expect(await stack.db.prisma.order.count()).toBe(ordersBefore);
  });

  it("captures a payment once, however often it is asked", async () => {
    const cup = await createProduct("Capture Cup", 900, 3);
    const placed = await stack.gateway.graphql(PLACE, { input: { items: [{ productId: cup, qty: 1 }] } });
    const orderId = (placed.body.data?.placeOrder as { id: string }).id;
    const capture = `mutation($id: ID!) { capturePayment(orderId: $id) { __typename ... on Order { status } } }`;
    for (let i = 0; i < 2; i++) {
      const { body } = await stack.gateway.graphql(capture, { id: orderId }, admin);
      expect(body.data?.capturePayment).toEqual({ __typename: "Order", status: "PAID" });
    }
    expect(await stack.db.prisma.charge.count({ where: { orderId } })).toBe(1);
  });

  it("archives a product out of the catalog and restores it, as it was", async () => {
    const lamp = await createProduct("Restored Lamp", 4_500, 2);
    const catalogIds = async () =>
      ((await stack.gateway.graphql("{ products { id } }")).body.data?.products as Array<{ id: string }>).map(
        (p) => p.id,
      );
    const archive = `mutation($id: ID!) { archiveProduct(id: $id) { __typename ... on AdminProduct { archivedAt } } }`;
    const restore = `mutation($id: ID!) {
      unarchiveProduct(id: $id) { __typename ... on AdminProduct { id name priceCents stockQty archivedAt } ... on Error { message } }
    }`;
    await stack.gateway.graphql(archive, { id: lamp }, admin);
    expect(await catalogIds()).not.toContain(lamp);

    const { body } = await stack.gateway.graphql(restore, { id: lamp }, admin);
    expect(body.data?.unarchiveProduct).toEqual({
      __typename: "AdminProduct",
      id: lamp,
      name: "Restored Lamp",
      priceCents: 4_500,
      stockQty: 2,
      archivedAt: null,
    });
    expect(await catalogIds()).toContain(lamp);

    const unknown = await stack.gateway.graphql(
      restore,
      { id: "00000000-0000-4000-8000-000000000000" },
      admin,
    );
    expect(unknown.body.data?.unarchiveProduct).toMatchObject({ __typename: "NotFoundError" });
    const anonymous = await stack.gateway.graphql(restore, { id: lamp });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe("UNAUTHORIZED");
  });

  it("refuses admin mutations without the admin token", async () => {
    const { body } = await stack.gateway.graphql(
      `mutation { createProduct(input: {name: "x", priceCents: 1, stockQty: 1}) { __typename } }`,
    );
    expect(body.errors?.[0]?.extensions?.code).toBe("UNAUTHORIZED");
    expect(await stack.db.prisma.product.count({ where: { name: "x" } })).toBe(0);
  });
});
