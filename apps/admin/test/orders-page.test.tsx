import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { OrdersPage } from "../src/orders/OrdersPage.tsx";
import { fakeGateway } from "./fake-gateway.ts";
import { renderSignedIn } from "./render.tsx";

const order = (n: number, status = "PENDING") => ({
  __typename: "Order",
  id: `${String(n).padStart(8, "0")}-0000-4000-8000-000000000000`,
  number: 1000 + n,
  customer: { __typename: "Customer", email: `shopper${n}@example.com`, name: `Shopper ${n}` },
  status,
  totalCents: 1000 * n,
  createdAt: `2026-11-${String(10 + n).padStart(2, "0")}T12:00:00.000Z`,
  items: [
    {
      __typename: "OrderItem",
      qty: n,
      priceCents: 1000,
      product: { __typename: "Product", id: `p${n}`, name: `Product ${n}` },
    },
  ],
});

describe("the Orders page", () => {
  it("pages forward by cursor and back again, and a status filter starts over at page 1", async () => {
    const gateway = fakeGateway(({ operationName, variables }) => {
      if (operationName !== "Orders") throw new Error(`unexpected ${operationName}`);
      const page =
        variables["cursor"] === "c2"
          ? { nextCursor: null, orders: [order(1)] }
          : { nextCursor: "c2", orders: [order(3), order(2)] };
      return { data: { orders: { __typename: "OrderPage", totalCount: 3, ...page } } };
    });
    const { user } = renderSignedIn(<OrdersPage />, gateway);

    const table = await screen.findByRole("table");
    expect(
      within(table)
        .getAllByRole("row")
        .slice(1)
        .map((r) => r.textContent?.slice(0, 5)),
    ).toEqual(["#1003", "#1002"]);
    expect(screen.getByRole("button", { name: /Previous/ })).toHaveAttribute("aria-disabled", "true");

    await user.click(screen.getByRole("button", { name: /Next/ }));
    expect(await screen.findByRole("rowheader", { name: /#1001/ })).toBeInTheDocument();
    expect(screen.getByText("Page 2")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /Next/ })).toHaveAttribute("aria-disabled", "true");

    await user.click(screen.getByRole("button", { name: /Previous/ }));
    expect(await screen.findByRole("rowheader", { name: /#1003/ })).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: /Next/ }));
    await screen.findByText("Page 2");
    // The page is in the URL: a reload (a new mount) comes back to it.
    expect(window.location.search).toBe("?after=c2");
    await user.selectOptions(screen.getByLabelText("Status"), "PAID");
    await screen.findByText("Page 1");
    expect(window.location.search).toBe("?status=paid");

    expect(gateway.callsOf("Orders").map((c) => c.variables)).toEqual([
      { status: null, cursor: null, limit: 20, search: null, from: null, to: null },
      { status: null, cursor: "c2", limit: 20, search: null, from: null, to: null },
      { status: null, cursor: null, limit: 20, search: null, from: null, to: null },
      { status: null, cursor: "c2", limit: 20, search: null, from: null, to: null },
      { status: "PAID", cursor: null, limit: 20, search: null, from: null, to: null },
    ]);
  });

  it("cancels a PENDING order only after confirmation", async () => {
    const gateway = fakeGateway(({ operationName, variables }) => {
      if (operationName === "Orders") {
        return {
          data: { orders: { __typename: "OrderPage", nextCursor: null, totalCount: 1, orders: [order(1)] } },
        };
      }
      return {
        data: { cancelOrder: { __typename: "Order", id: variables["orderId"], status: "CANCELLED" } },
      };
    });
    const { user } = renderSignedIn(<OrdersPage />, gateway);
    const row = within(await screen.findByRole("row", { name: /#1001/ }));

    await user.click(row.getByRole("button", { name: /Cancel/ }));
    const dialog = within(screen.getByRole("dialog", { name: /Cancel order #1001/ }));
    expect(dialog.getByText(/Nothing is charged, and its 1 unit goes back into stock\./)).toBeInTheDocument();
    await user.click(dialog.getByRole("button", { name: "Keep order" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(gateway.callsOf("CancelOrder")).toHaveLength(0);

    await user.click(row.getByRole("button", { name: /Cancel/ }));
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Cancel order" }));

    await waitFor(() => expect(row.getByText("Cancelled")).toBeInTheDocument());
    expect(screen.getByRole("status")).toHaveTextContent(
      "Cancelled order #1001; its 1 unit goes back into stock.",
    );
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(row.queryByRole("button", { name: /Capture payment/ })).not.toBeInTheDocument();
    expect(gateway.callsOf("CancelOrder").map((c) => c.variables)).toEqual([{ orderId: order(1).id }]);
  });
});

describe("the Orders page's address", () => {
  const gateway = () =>
    fakeGateway(({ operationName, variables }) => {
      if (operationName !== "Orders") throw new Error(`unexpected ${operationName}`);
      const orders = variables["cursor"] === "c2" ? [order(1, "PAID")] : [order(3, "PAID"), order(2, "PAID")];
      return {
        data: {
          orders: { __typename: "OrderPage", nextCursor: variables["cursor"] === "c2" ? null : "c2", orders },
        },
      };
    });

  it("opens at the page and filter the URL names, as after a reload", async () => {
    window.history.replaceState(null, "", "/orders?status=paid&after=c2");
    const fake = gateway();
    renderSignedIn(<OrdersPage />, fake);
    expect(await screen.findByRole("rowheader", { name: /#1001/ })).toBeInTheDocument();
    expect(screen.getByText("Page 2")).toBeInTheDocument();
    expect(screen.getByLabelText("Status")).toHaveValue("PAID");
    expect(fake.callsOf("Orders")[0]?.variables).toEqual({
      status: "PAID",
      cursor: "c2",
      limit: 20,
      search: null,
      from: null,
      to: null,
    });
    expect(document.title).toBe("Orders, page 2 · Shop Admin");
  });

  it("goes Back to the page before", async () => {
    window.history.replaceState(null, "", "/orders");
    const { user } = renderSignedIn(<OrdersPage />, gateway());
    await screen.findByRole("rowheader", { name: /#1003/ });
    await user.click(screen.getByRole("button", { name: /Next/ }));
    await screen.findByText("Page 2");
    // Next on the last page keeps its focus (aria-disabled, not disabled) and does nothing.
    const next = screen.getByRole("button", { name: /Next/ });
    expect(next).toHaveAttribute("aria-disabled", "true");

    window.history.back();
    expect(await screen.findByRole("rowheader", { name: /#1003/ })).toBeInTheDocument();
    expect(window.location.search).toBe("");
  });

  it("ignores a status it does not know", async () => {
    window.history.replaceState(null, "", "/orders?status=lost");
    const fake = gateway();
    renderSignedIn(<OrdersPage />, fake);
    await screen.findByRole("rowheader", { name: /#1003/ });
    expect(fake.callsOf("Orders")[0]?.variables).toEqual({
      status: null,
      cursor: null,
      limit: 20,
      search: null,
      from: null,
      to: null,
    });
  });
});
