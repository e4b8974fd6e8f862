import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { App } from "../src/App.tsx";
import { fakeGateway, UNAUTHORIZED, type GatewayCall } from "./fake-gateway.ts";

const GOOD = "the-right-admin-token-42";

/** A gateway that accepts one token, and lists no products. */
const gatewayFor = (accepted: string) =>
  fakeGateway((call: GatewayCall) =>
    call.authorization === `Bearer ${accepted}`
      ? { data: { adminProductsPage: { __typename: "AdminProductPage", nextCursor: null, products: [] } } }
      : UNAUTHORIZED,
  );

describe("sign-in", () => {
  it("says a wrong token was not accepted, and keeps the admin signed out", async () => {
    const gateway = gatewayFor(GOOD);
    const user = userEvent.setup();
    render(<App transport={gateway.transport} />);

    const field = screen.getByLabelText("Admin token");
    await user.type(field, "not-the-token");
    await user.click(screen.getByRole("button", { name: "Sign in" }));

    expect(await screen.findByText(/That token was not accepted/)).toBeInTheDocument();
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(field).toHaveAccessibleDescription(/That token was not accepted/);
    expect(gateway.calls).toEqual([
      { operationName: "CheckToken", variables: {}, authorization: "Bearer not-the-token" },
    ]);
    expect(sessionStorage.length).toBe(0);
    expect(screen.queryByRole("heading", { name: "Products" })).not.toBeInTheDocument();
    // What was typed stays, to be corrected.
    expect(field).toHaveValue("not-the-token");
  });

  it("signs in with the right token, sends it on every request, and signs out", async () => {
    const gateway = gatewayFor(GOOD);
    const user = userEvent.setup();
    render(<App transport={gateway.transport} />);

    await user.type(screen.getByLabelText("Admin token"), GOOD);
    await user.click(screen.getByRole("button", { name: "Sign in" }));

    expect(await screen.findByRole("heading", { name: "Products" })).toBeInTheDocument();
    expect(await screen.findByText(/No products yet/)).toBeInTheDocument();
    expect(gateway.calls.map((c) => c.operationName)).toEqual(["CheckToken", "AdminProducts"]);
    expect(gateway.calls.every((c) => c.authorization === `Bearer ${GOOD}`)).toBe(true);
    expect(Object.values(sessionStorage)).toContain(GOOD);

    await user.click(screen.getByRole("button", { name: "Sign out" }));
    expect(screen.getByLabelText("Admin token")).toHaveValue("");
    expect(sessionStorage.length).toBe(0);
  });

  it("keeps the session across a reload, and ends it when the gateway stops accepting the token", async () => {
    sessionStorage.setItem("shop.admin.token", "a-token-from-before-a-restart");
    const gateway = gatewayFor(GOOD);
    render(<App transport={gateway.transport} />);

    // Signed in straight away from sessionStorage; the first request is refused.
    expect(await screen.findByText(/session has ended/)).toHaveAttribute("role", "status");
    expect(screen.getByLabelText("Admin token")).toBeInTheDocument();
    expect(gateway.calls[0]?.authorization).toBe("Bearer a-token-from-before-a-restart");
    expect(sessionStorage.length).toBe(0);
  });
});

/** A container of its own in the page, standing for another tab. */
const tab = () => document.body.appendChild(document.createElement("div"));

describe("one sign-in for the tabs of a browser", () => {
  // Two Apps in one page stand for two tabs: each keeps its own sessionStorage entry in a real
  // browser; here they share jsdom's, so the test clears it between the steps a tab would not see.
  it("shares a sign-in with a tab opened later, and signs every tab out at once", async () => {
    const gateway = gatewayFor(GOOD);
    const user = userEvent.setup();
    const first = render(<App transport={gateway.transport} />, { container: tab() });
    await user.type(screen.getByLabelText("Admin token"), GOOD);
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    await screen.findByRole("heading", { name: "Products" });

    // A second tab opens signed out (its own sessionStorage is empty), asks, and is answered.
    sessionStorage.clear();
    const second = render(<App transport={gateway.transport} />, { container: tab() });
    expect(await within(second.container).findByRole("heading", { name: "Products" })).toBeInTheDocument();

    await user.click(within(first.container).getByRole("button", { name: "Sign out" }));
    expect(within(first.container).getByLabelText("Admin token")).toBeInTheDocument();
    expect(await within(second.container).findByText("You signed out in another tab.")).toBeInTheDocument();
    expect(within(second.container).getByLabelText("Admin token")).toBeInTheDocument();
  });

  it("signs in a tab that shows the sign-in form when another tab signs in", async () => {
    const gateway = gatewayFor(GOOD);
    const user = userEvent.setup();
    const waiting = render(<App transport={gateway.transport} />, { container: tab() });
    const active = render(<App transport={gateway.transport} />, { container: tab() });

    await user.type(within(active.container).getByLabelText("Admin token"), GOOD);
    await user.click(within(active.container).getByRole("button", { name: "Sign in" }));
    expect(await within(waiting.container).findByRole("heading", { name: "Products" })).toBeInTheDocument();
  });
});
