import { fetchExchange } from "@urql/core";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Provider } from "urql";
import { describe, expect, it } from "vitest";
import { createAdminClient } from "../src/graphql/client.ts";
import { CAPTURE_UNKNOWN } from "../src/orders/OrderActions.tsx";
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

const ordersPage = {
  data: { orders: { __typename: "OrderPage", nextCursor: null, orders: [pendingOrder] } },
};

/** One page with one pending order; capturePayment answers whatever `capture` resolves to, when it does. */
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

describe("capturing a payment", () => {
  it("asks first; Not now charges nothing", async () => {
    const gateway = ordersGateway(() => Promise.reject(new Error("must not be called")));
    const { user, row } = await renderOrders(gateway);

    await user.click(row.getByRole("button", { name: /Capture payment/ }));
    const dialog = within(screen.getByRole("dialog", { name: "Capture payment for order #1042?" }));
    expect(dialog.getByText(/This charges \$25\.00 for the order’s 2 items/)).toBeInTheDocument();
    await user.click(dialog.getByRole("button", { name: "Not now" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(gateway.callsOf("CapturePayment")).toHaveLength(0);
  });

  it("goes confirm → in flight (disabled) → paid, says so and puts the focus on what happened", async () => {
    const answer = deferred<GatewayAnswer>();
    const gateway = ordersGateway(() => answer.promise);
    const { user, row } = await renderOrders(gateway);

    expect(row.getByText("Payment pending")).toBeInTheDocument();
    await user.click(row.getByRole("button", { name: /Capture payment/ }));
    const dialog = within(screen.getByRole("dialog"));
    const confirm = dialog.getByRole("button", { name: "Capture $25.00" });
    await user.click(confirm);
    expect(confirm).toBeDisabled();
    expect(confirm).toHaveTextContent("Capturing…");
    // A second click while in flight sends nothing more.
    await user.click(confirm);
    expect(gateway.callsOf("CapturePayment")).toEqual([
      expect.objectContaining({ variables: { orderId: ORDER_ID } }),
    ]);

    answer.resolve({ data: { capturePayment: { __typename: "Order", id: ORDER_ID, status: "PAID" } } });

    await waitFor(() => expect(row.getByText("Paid")).toBeInTheDocument());
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(row.queryByRole("button")).not.toBeInTheDocument();
    const status = screen.getByRole("status");
    expect(status).toHaveTextContent("Captured $25.00 for order #1042.");
    await waitFor(() => expect(status).toHaveFocus());
  });

  it("says plainly when the payment did not go through, and capturing again stays possible", async () => {
    const gateway = ordersGateway(() =>
      Promise.resolve({
        data: {
          capturePayment: {
            __typename: "PaymentFailedError",
            message: "The charge for order 6f1c2a9e failed; the order stays PENDING",
            chargeId: "9d0c5b2a-1e4f-4a7b-b3c6-7e8f9a0b1c2d",
          },
        },
      }),
    );
    const { user, row } = await renderOrders(gateway);

    await user.click(row.getByRole("button", { name: /Capture payment/ }));
    const dialog = within(screen.getByRole("dialog"));
    await user.click(dialog.getByRole("button", { name: "Capture $25.00" }));

    const alert = await dialog.findByRole("alert");
    expect(alert).toHaveTextContent("The payment did not go through.");
    expect(alert).not.toHaveTextContent("PENDING");
    expect(dialog.getByRole("button", { name: "Capture $25.00" })).toBeEnabled();
    expect(row.getByText("Payment pending")).toBeInTheDocument();
  });

  it("says a part of the shop is away when the gateway says so", async () => {
    const gateway = ordersGateway(() =>
      Promise.resolve({
        data: null,
        errors: [{ message: "orders is unavailable", extensions: { code: "SERVICE_UNAVAILABLE" } }],
      }),
    );
    const { user, row } = await renderOrders(gateway);
    await user.click(row.getByRole("button", { name: /Capture payment/ }));
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Capture $25.00" }));
    expect(await within(screen.getByRole("dialog")).findByRole("alert")).toHaveTextContent(
      "Part of the shop is unavailable right now. Try again in a moment.",
    );
  });

  it("gives up on a gateway that never answers, and says capturing again is safe", async () => {
    // The real fetch path (fetchExchange over a fetch that never answers), with a short deadline.
    const hanging: typeof fetch = async (input, init) => {
      const body = JSON.parse(typeof init?.body === "string" ? init.body : "{}") as {
        operationName?: string;
      };
      if (body.operationName === "Orders") return Response.json(ordersPage);
      return new Promise((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason as Error));
      });
    };
    const client = createAdminClient({
      transport: fetchExchange,
      fetch: hanging,
      deadlineMs: 150,
    });
    const user = userEvent.setup();
    render(
      <Provider value={client}>
        <OrdersPage />
      </Provider>,
    );
    const row = within(await screen.findByRole("row", { name: /#1042/ }));
    await user.click(row.getByRole("button", { name: /Capture payment/ }));
    const dialog = within(screen.getByRole("dialog"));
    await user.click(dialog.getByRole("button", { name: "Capture $25.00" }));

    expect(await dialog.findByRole("alert", {}, { timeout: 2_000 })).toHaveTextContent(CAPTURE_UNKNOWN);
    expect(dialog.getByRole("button", { name: "Capture $25.00" })).toBeEnabled();
  });
});
