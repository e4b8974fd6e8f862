import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { OrdersPage } from "../src/orders/OrdersPage.tsx";
import { deferred, fakeGateway, type GatewayAnswer } from "./fake-gateway.ts";
import { renderSignedIn } from "./render.tsx";

const ORDER_ID = "6f1c2a9e-3b7d-4e1a-8c55-0d2b9e7f4a10";

const pendingOrder = {
  __typename: "Order",
  id: ORDER_ID,
  number: 1042,
  customer: null,
  status: "PENDING",
  totalCents: 2500,
  createdAt: "2026-11-26T12:00:00.000Z",
  items: [
    {
      __typename: "OrderItem",
      qty: 2,
      priceCents: 1250,
      product: { __typename: "Product", id: "0b9a4c1e-7d1f-4c53-9a57-2f0f1d9e6a11", name: "Enamel mug" },
    },
  ],
};

/** One page with one PENDING order; capturePayment answers whatever `capture` resolves to, when it does. */
function ordersGateway(capture: () => Promise<GatewayAnswer>) {
  return fakeGateway((call) => {
    if (call.operationName === "Orders") {
      return {
        data: {
          orders: { __typename: "OrderPage", nextCursor: null, totalCount: 1, orders: [pendingOrder] },
        },
      };
    }
    if (call.operationName === "CapturePayment") return capture();
    throw new Error(`unexpected ${call.operationName}`);
  });
}

async function renderOrders(gateway: ReturnType<typeof fakeGateway>) {
  const view = renderSignedIn(<OrdersPage />, gateway);
  const row = await screen.findByRole("row", { name: /#1042/ });
  return { ...view, row: within(row) };
}

describe("the Capture payment button", () => {
  it("goes idle → in flight (disabled) → the row shows PAID", async () => {
    const answer = deferred<GatewayAnswer>();
    const gateway = ordersGateway(() => answer.promise);
    const { user, row } = await renderOrders(gateway);

    expect(row.getByText("PENDING")).toBeInTheDocument();
    const button = row.getByRole("button", { name: /Capture payment/ });
    expect(button).toBeEnabled();

    await user.click(button);
    expect(button).toBeDisabled();
    expect(button).toHaveTextContent("Capturing…");
    // A second click while in flight sends nothing more.
    await user.click(button);
    expect(gateway.callsOf("CapturePayment")).toEqual([
      expect.objectContaining({ variables: { orderId: ORDER_ID } }),
    ]);

    answer.resolve({ data: { capturePayment: { __typename: "Order", id: ORDER_ID, status: "PAID" } } });

    await waitFor(() => expect(row.getByText("PAID")).toBeInTheDocument());
    expect(row.queryByText("PENDING")).not.toBeInTheDocument();
    expect(row.queryByRole("button", { name: /Capture payment|Capturing/ })).not.toBeInTheDocument();
    expect(row.queryByRole("button", { name: /Cancel/ })).not.toBeInTheDocument();
  });

  it("shows the charge's failure in the row and can be tried again", async () => {
    const failure =
      "The charge for order 6f1c2a9e failed; the order stays PENDING, and capturing again makes a new charge";
    const gateway = ordersGateway(() =>
      Promise.resolve({
        data: {
          capturePayment: {
            __typename: "PaymentFailedError",
            message: failure,
            chargeId: "9d0c5b2a-1e4f-4a7b-b3c6-7e8f9a0b1c2d",
          },
        },
      }),
    );
    const { user, row } = await renderOrders(gateway);

    await user.click(row.getByRole("button", { name: /Capture payment/ }));

    expect(await row.findByRole("alert")).toHaveTextContent(failure);
    expect(row.getByText("PENDING")).toBeInTheDocument();
    const button = row.getByRole("button", { name: /Capture payment/ });
    expect(button).toBeEnabled();
    expect(button).toHaveAccessibleDescription(failure);
  });

  it("says so when the gateway does not answer", async () => {
    const gateway = ordersGateway(() =>
      Promise.resolve({
        data: null,
        errors: [{ message: "orders is unavailable", extensions: { code: "SERVICE_UNAVAILABLE" } }],
      }),
    );
    const { user, row } = await renderOrders(gateway);

    await user.click(row.getByRole("button", { name: /Capture payment/ }));

    expect(await row.findByRole("alert")).toHaveTextContent("orders is unavailable");
    expect(row.getByRole("button", { name: /Capture payment/ })).toBeEnabled();
  });
});
