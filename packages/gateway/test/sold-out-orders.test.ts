import { createServiceMetrics } from "@shop/service";
import { describe, expect, it } from "vitest";
import { ServiceCallError } from "../src/services/call.ts";
import { SoldOutOrders } from "../src/services/sold-out-orders.ts";

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";

/** The gate in front of a stand-in for Orders that records what it was asked and refuses as told. */
function gateOverOrders() {
  const metrics = createServiceMetrics("gateway-test");
  const soldOut = new SoldOutOrders(metrics.counter("refused_sold_out_total", "test"));
  soldOut.gate.setListening(true);
  const asked: unknown[] = [];
  let answer: () => Promise<string> = () => Promise.resolve("placed");
  const orders = (request: unknown) => {
    asked.push(request);
    return answer();
  };
  const refuseWith = (available: number, productIds = [A]) => {
    answer = () =>
      Promise.reject(
        new ServiceCallError(
          "orders",
          "insufficient_stock",
          409,
          "Not enough stock",
          productIds.map((productId) => ({ productId, requested: 1, available })),
        ),
      );
  };
  const refusals = async () =>
    (await metrics.registry.getSingleMetric("refused_sold_out_total")?.get())?.values[0]?.value;
  return {
    soldOut,
    asked,
    orders,
    refuseWith,
    refusals,
    answerWith: (next: () => Promise<string>) => (answer = next),
  };
}

const order = (productId = A, qty = 1) => ({ items: [{ productId, qty }] });

describe("the gateway's sold-out gate in front of Orders", () => {
  it("asks Orders for the database's answer, marks what it found sold out, then refuses without Orders", async () => {
    const { soldOut, asked, orders, refuseWith, refusals } = gateOverOrders();
    refuseWith(0);
    await expect(soldOut.place(order(), orders)).rejects.toMatchObject({ code: "insufficient_stock" });
    expect(asked).toEqual([{ ...order(), from_database: true }]);

    await expect(soldOut.place(order(A, 3), orders)).rejects.toMatchObject({
      code: "insufficient_stock",
      details: [{ productId: A, requested: 3, available: 0 }],
    });
    expect(asked).toHaveLength(1);
    expect(await refusals()).toBe(1);
  });

  it("marks nothing from a refusal that still found stock, or one a change overtook on its way back", async () => {
    const { soldOut, asked, orders, refuseWith, answerWith } = gateOverOrders();
    refuseWith(1); // short, not sold out
    await expect(soldOut.place(order(A, 2), orders)).rejects.toBeInstanceOf(ServiceCallError);
    await expect(soldOut.place(order(A, 2), orders)).rejects.toBeInstanceOf(ServiceCallError);
    expect(asked).toHaveLength(2);

    // A restock is heard while the database's "sold out" is on its way back.
    answerWith(() => {
      soldOut.gate.soldOutChanged([A]);
      return Promise.reject(
        new ServiceCallError("orders", "insufficient_stock", 409, "", [
          { productId: A, requested: 1, available: 0 },
        ]),
      );
    });
    await expect(soldOut.place(order(), orders)).rejects.toBeInstanceOf(ServiceCallError);
    expect(soldOut.gate.size).toBe(0);
  });

  it("leaves to Orders an order it would refuse as invalid, one with a key, and one with a product not known sold out", async () => {
    const { soldOut, asked, orders, refuseWith } = gateOverOrders();
    refuseWith(0);
    await expect(soldOut.place(order(), orders)).rejects.toBeInstanceOf(ServiceCallError);
    const letThrough = [
      order(A, 0),
      { items: [{ productId: "not-a-uuid", qty: 1 }] },
      { ...order(), customer: { email: "ann@example.com", name: "Ann" } }, // no shipping address
      { ...order(), idempotency_key: "checkout-1" },
      {
        items: [
          { productId: A, qty: 1 },
          { productId: B, qty: 1 },
        ],
      },
      { items: [{ productId: A, qty: 99_999 }] }, // more than one order may hold
    ];
    for (const input of letThrough) await soldOut.place(input, orders).catch(() => undefined);
    expect(asked).toHaveLength(1 + letThrough.length);
  });

  it("refuses nothing without the database's notifications", async () => {
    const { soldOut, asked, orders, refuseWith } = gateOverOrders();
    refuseWith(0);
    await expect(soldOut.place(order(), orders)).rejects.toBeInstanceOf(ServiceCallError);
    soldOut.gate.setListening(false);
    await expect(soldOut.place(order(), orders)).rejects.toBeInstanceOf(ServiceCallError);
    expect(asked).toHaveLength(2);
  });
});
