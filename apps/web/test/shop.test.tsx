import { screen, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { CART_STORAGE_KEY } from "../src/cart/cart.ts";
import { createFakeGateway, MUG, TEAPOT } from "./fake-gateway.ts";
import { renderShop } from "./render-shop.tsx";

async function product(name: string) {
  return within(await screen.findByRole("article", { name }));
}

const ORDER_1 = "00000000-0000-4000-8000-000000000001";

/** Types a quantity into a cart line's number input, as a shopper would. */
async function setQuantity(user: UserEvent, name: string, qty: string) {
  const input = screen.getByRole("spinbutton", { name: `Quantity of ${name}` });
  await user.clear(input);
  await user.type(input, qty);
}

/** Fills the checkout form as a shopper would. */
async function fillDetails(user: ReturnType<typeof renderShop>["user"]) {
  // Pasted, not typed key by key: the same events for the form, a fraction of the time.
  const fill = async (label: string, text: string) => {
    await user.click(screen.getByLabelText(label));
    await user.paste(text);
  };
  await screen.findByLabelText("Email");
  await fill("Email", "ada@example.com");
  await fill("Full name", "Ada Lovelace");
  await fill("Address", "12 St James's Square");
  await fill("City", "London");
  await fill("Postal code", "SW1Y 4JH");
  await user.selectOptions(screen.getByLabelText("Country"), "GB");
}

function cartLink() {
  return screen.getByRole("link", { name: /^Cart/ });
}

describe("the catalog", () => {
  it("shows each product with its price, its stock and an Add to cart button", async () => {
    renderShop();

    const mug = await product("Mug");
    expect(mug.getByText("$12.00")).toBeInTheDocument();
    expect(mug.getByText("Only 1 left")).toBeInTheDocument();
    expect(mug.getByRole("button", { name: "Add to cart" })).toBeEnabled();

    const teapot = await product("Teapot");
    expect(teapot.getByText("$34.00")).toBeInTheDocument();
    expect(teapot.getByText("In stock")).toBeInTheDocument();

    const grinder = await product("Burr Grinder");
    expect(grinder.getByText("Sold out")).toBeInTheDocument();
    expect(grinder.getByRole("button", { name: "Add to cart" })).toBeDisabled();
  });

  it("says the shop is unavailable when the gateway does not answer, and tries again", async () => {
    const gateway = createFakeGateway();
    gateway.setDown(true);
    const { user } = renderShop(gateway);

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The shop is unavailable right now. Try again in a moment.");

    gateway.setDown(false);
    await user.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("article", { name: "Teapot" })).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });
});

// Filling a form in jsdom takes a while on a busy machine.
describe("checkout", { timeout: 20_000 }, () => {
  it("adds to the cart, places the order and confirms it; the cart is emptied", async () => {
    const { user, gateway } = renderShop();

    const teapot = await product("Teapot");
    await user.click(teapot.getByRole("button", { name: "Add to cart" }));
    await user.click(teapot.getByRole("button", { name: "Add to cart" }));
    await user.click((await product("Mug")).getByRole("button", { name: "Add to cart" }));
    expect(cartLink()).toHaveAccessibleName("Cart (3 items)");

    await user.click(cartLink());
    expect(await screen.findByRole("heading", { level: 1, name: "Your cart" })).toHaveFocus();
    expect(screen.getByTestId("cart-total")).toHaveTextContent("$80.00");

    await fillDetails(user);
    await user.click(screen.getByRole("button", { name: "Place order" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Order confirmed" })).toBeInTheDocument();
    expect(screen.getByText("Order #1001")).toBeInTheDocument();
    expect(screen.getByTestId("ships-to")).toHaveTextContent(
      "Ada Lovelace12 St James's SquareSW1Y 4JH LondonUnited Kingdom",
    );
    const lines = within(screen.getByRole("table"));
    expect(lines.getByRole("row", { name: /Teapot 2 \$34\.00 \$68\.00/ })).toBeInTheDocument();
    expect(lines.getByRole("row", { name: /Mug 1 \$12\.00 \$12\.00/ })).toBeInTheDocument();
    expect(lines.getByRole("row", { name: /Total \$80\.00/ })).toBeInTheDocument();
    expect(window.location.pathname).toBe(`/orders/${ORDER_1}`);
    expect(window.location.search).toBe("?token=token-1");

    expect(cartLink()).toHaveAccessibleName("Cart (0 items)");
    expect(JSON.parse(window.localStorage.getItem(CART_STORAGE_KEY) ?? "null")).toEqual([]);

    expect(gateway.placeOrderInputs).toHaveLength(1);
    const [input] = gateway.placeOrderInputs;
    expect(input?.items).toEqual([
      { productId: TEAPOT.id, qty: 2 },
      { productId: MUG.id, qty: 1 },
    ]);
    expect(input?.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("names the product that is short and how many are left, and keeps the cart", async () => {
    const gateway = createFakeGateway();
    // Someone bought Teapots after this shopper's catalog loaded: only 1 is left.
    gateway.onPlaceOrder((input) => ({
      __typename: "InsufficientStockError",
      message: "Not enough stock",
      lines: [
        { productId: TEAPOT.id, productName: "Teapot", requested: input.items[0]?.qty ?? 0, available: 1 },
      ],
    }));
    const { user } = renderShop(gateway);

    const teapot = await product("Teapot");
    await user.click(teapot.getByRole("button", { name: "Add to cart" }));
    await user.click(teapot.getByRole("button", { name: "Add to cart" }));
    await user.click(cartLink());
    await fillDetails(user);
    await user.click(await screen.findByRole("button", { name: "Place order" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Not enough stock for your order.");
    expect(alert).toHaveTextContent("Teapot: you asked for 2, only 1 left.");
    expect(screen.getByRole("heading", { level: 1, name: "Your cart" })).toBeInTheDocument();
    expect(screen.getByText("Only 1 left. Lower the quantity to place your order.")).toBeInTheDocument();
    expect(screen.getByRole("spinbutton", { name: "Quantity of Teapot" })).toHaveValue(2);
    expect(cartLink()).toHaveAccessibleName("Cart (2 items)");
    // The order can be placed again once the quantity fits.
    expect(screen.getByRole("button", { name: "Place order" })).toBeDisabled();
    await setQuantity(user, "Teapot", "1");
    expect(screen.getByRole("button", { name: "Place order" })).toBeEnabled();
  });

  it("sends one placeOrder for a double click", async () => {
    const gateway = createFakeGateway();
    let release!: () => void;
    const answered = new Promise<void>((resolve) => (release = resolve));
    gateway.onPlaceOrder(async (input, place) => {
      await answered;
      return place(input);
    });
    const { user } = renderShop(gateway);

    await user.click((await product("Teapot")).getByRole("button", { name: "Add to cart" }));
    await user.click(cartLink());
    await fillDetails(user);
    const button = await screen.findByRole("button", { name: "Place order" });
    await user.dblClick(button);
    // Marked disabled while in flight, and it keeps the focus (a disabled button would drop it).
    expect(button).toHaveAttribute("aria-disabled", "true");
    expect(button).toHaveFocus();
    expect(button).toHaveTextContent("Placing order…");

    release();
    expect(await screen.findByRole("heading", { level: 1, name: "Order confirmed" })).toBeInTheDocument();
    expect(gateway.placeOrderInputs).toHaveLength(1);
  });

  it("retries with the same idempotency key after the gateway did not answer", async () => {
    const gateway = createFakeGateway();
    const { user } = renderShop(gateway);
    await user.click((await product("Teapot")).getByRole("button", { name: "Add to cart" }));
    await user.click(cartLink());

    // The first attempt reaches the gateway, but its answer is lost on the way back.
    gateway.onPlaceOrder(() => {
      gateway.setDown(true);
      throw new Error("connection reset");
    });
    await fillDetails(user);
    await user.click(await screen.findByRole("button", { name: "Place order" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("cannot tell yet whether your order went through");
    expect(alert).toHaveTextContent("Trying again is safe: your order is placed only once.");
    // One way on, not two identical buttons: the checkout button itself now says Try again.
    expect(within(alert).queryByRole("button")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Place order" })).not.toBeInTheDocument();

    gateway.setDown(false);
    gateway.onPlaceOrder((input, place) => place(input));
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Order confirmed" })).toBeInTheDocument();

    const [first, second] = gateway.placeOrderInputs;
    expect(second?.idempotencyKey).toBe(first?.idempotencyKey);
  });
});

describe("the cart", () => {
  it("survives a reload", async () => {
    const first = renderShop();
    await first.user.click((await product("Teapot")).getByRole("button", { name: "Add to cart" }));
    first.unmount();

    const { user } = renderShop();
    expect(cartLink()).toHaveAccessibleName("Cart (1 item)");
    await user.click(cartLink());
    expect(await screen.findByRole("heading", { level: 3, name: "Teapot" })).toBeInTheDocument();
  });

  it("never holds more than the stock", async () => {
    const { user } = renderShop();

    const mug = await product("Mug");
    await user.click(mug.getByRole("button", { name: "Add to cart" }));
    expect(mug.queryByRole("button", { name: "Add to cart" })).not.toBeInTheDocument();
    expect(mug.getByText("All 1 in your cart")).toBeInTheDocument();
    // The button it pressed is gone: the focus is on the way on, not dropped to the page.
    expect(mug.getByRole("link", { name: "View cart" })).toHaveFocus();

    await user.click(cartLink());
    const quantity = await screen.findByRole("spinbutton", { name: "Quantity of Mug" });
    expect(quantity).toHaveAttribute("max", "1");
    await user.clear(quantity);
    await user.type(quantity, "5");
    await user.tab();
    expect(quantity).toHaveValue(1);
    expect(cartLink()).toHaveAccessibleName("Cart (1 item)");
  });

  it("changes a quantity and removes a line", async () => {
    const { user } = renderShop();
    await user.click((await product("Teapot")).getByRole("button", { name: "Add to cart" }));
    await user.click((await product("Mug")).getByRole("button", { name: "Add to cart" }));
    await user.click(cartLink());

    await screen.findByRole("spinbutton", { name: "Quantity of Teapot" });
    await setQuantity(user, "Teapot", "3");
    expect(screen.getByTestId("cart-total")).toHaveTextContent("$114.00");

    // Removing the first line puts the focus on the next line's Remove, and says what happened.
    await user.click(screen.getByRole("button", { name: "Remove Teapot" }));
    expect(screen.getByTestId("cart-total")).toHaveTextContent("$12.00");
    expect(cartLink()).toHaveAccessibleName("Cart (1 item)");
    expect(screen.getByRole("button", { name: "Remove Mug" })).toHaveFocus();
    expect(screen.getByText("Removed Teapot from your cart.")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Remove Mug" }));
    expect(screen.getByText("Your cart is empty.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Browse the catalog" })).toHaveFocus();
  });
});

describe("the shop as people use it", () => {
  it("shows the shelf in the shop's own order, page by page (Inventory sorts: sold out last, names as people sort them)", async () => {
    const gateway = createFakeGateway([
      { id: "p-bowl", name: "bowl", priceCents: 1_500, stockQty: 2 },
      { id: "p-kettle", name: "Kettle", priceCents: 4_500, stockQty: 9 },
      { id: "p-zester", name: "zester", priceCents: 900, stockQty: 4 },
      { id: "p-apron", name: "Apron", priceCents: 2_000, stockQty: 0 },
    ]);
    renderShop(gateway);
    await screen.findByRole("article", { name: "Kettle" });
    const names = within(screen.getByRole("list", { name: "Products" }))
      .getAllByRole("heading", { level: 2 })
      .map((h) => h.textContent);
    expect(names).toEqual(["bowl", "Kettle", "zester", "Apron"]);
  });

  it("keeps a long name whole for assistive technology and on hover", async () => {
    const long = "Hand-thrown stoneware pour-over dripper ".repeat(5).trim().slice(0, 200);
    renderShop(createFakeGateway([{ id: "p-long", name: long, priceCents: 3_000, stockQty: 3 }]));
    const card = await screen.findByRole("article", { name: long });
    expect(within(card).getByRole("heading", { level: 2 })).toHaveAttribute("title", long);
  });

  it("gives up on a gateway that never answers, and says so", async () => {
    const gateway = createFakeGateway();
    gateway.setHung(true);
    const { user } = renderShop(gateway, { deadlineMs: 100 });

    const alert = await screen.findByRole("alert", {}, { timeout: 2_000 });
    expect(alert).toHaveTextContent("The shop is taking too long to answer. Try again in a moment.");
    gateway.setHung(false);
    await user.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("article", { name: "Teapot" })).toBeInTheDocument();
  });

  it("a checkout that hangs ends with a message that says trying again is safe", async () => {
    const gateway = createFakeGateway();
    const { user } = renderShop(gateway, { deadlineMs: 150 });
    await user.click((await product("Teapot")).getByRole("button", { name: "Add to cart" }));
    await user.click(cartLink());
    await screen.findByRole("button", { name: "Place order" });
    await fillDetails(user);

    gateway.setHung(true);
    await user.click(screen.getByRole("button", { name: "Place order" }));
    const alert = await screen.findByRole("alert", {}, { timeout: 2_000 });
    expect(alert).toHaveTextContent("Trying again is safe: your order is placed only once.");
    expect(screen.getByRole("button", { name: "Try again" })).toBeEnabled();
  });

  it("never calls a cancelled order confirmed", async () => {
    const { user, gateway } = renderShop();
    await user.click((await product("Teapot")).getByRole("button", { name: "Add to cart" }));
    await user.click(cartLink());
    await fillDetails(user);
    await user.click(await screen.findByRole("button", { name: "Place order" }));
    const heading = await screen.findByRole("heading", { level: 1, name: "Order confirmed" });
    // Arriving at the confirmation puts the focus on its heading, not on the page's body.
    expect(heading).toHaveFocus();
    expect(document.title).toBe("Order confirmed · Shop");
    expect(screen.getByText("Payment pending")).toBeInTheDocument();

    // The merchant cancels it; the shopper opens the link again.
    const order = gateway.orders.get(ORDER_1);
    if (!order) throw new Error("the order was not placed");
    order["status"] = "CANCELLED";
    await user.click(screen.getByRole("link", { name: "Continue shopping" }));
    await screen.findByRole("heading", { level: 1, name: "Coffee & tea goods" });
    window.history.back();

    expect(await screen.findByRole("heading", { level: 1, name: "Order cancelled" })).toBeInTheDocument();
    expect(screen.getByText("Cancelled")).toBeInTheDocument();
    expect(screen.getByRole("main")).not.toHaveTextContent(/confirmed/i);
  });

  it("says an order link that names no order id is not valid, without asking the gateway", async () => {
    window.history.replaceState(null, "", "/orders/not-a-uuid");
    const { gateway } = renderShop();
    expect(
      await screen.findByRole("heading", { level: 1, name: "This order link is not valid" }),
    ).toBeVisible();
    expect(screen.queryByText(/went wrong/)).not.toBeInTheDocument();
    expect(
      vi
        .mocked(gateway.fetch)
        .mock.calls.some(([url]) => (url instanceof Request ? url.url : url.toString()).includes("Order")),
    ).toBe(false);
  });

  it("tells the shopper about a price change and a product no longer sold in a saved cart", async () => {
    window.localStorage.setItem(
      CART_STORAGE_KEY,
      JSON.stringify([
        { productId: TEAPOT.id, name: "Teapot", priceCents: 3_000, stockQty: 8, qty: 1 },
        { productId: "p-gone", name: "Old kettle", priceCents: 5_000, stockQty: 4, qty: 1 },
      ]),
    );
    window.history.replaceState(null, "", "/cart");
    renderShop();

    expect(
      await screen.findByText("The price went up since you added it: $30.00 then, $34.00 now."),
    ).toBeInTheDocument();
    expect(screen.getByText("No longer sold. Remove it to place your order.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Place order" })).toBeDisabled();
    expect(screen.getByRole("spinbutton", { name: "Quantity of Teapot" })).toHaveAccessibleDescription(
      "The price went up since you added it: $30.00 then, $34.00 now.",
    );
    expect(document.title).toBe("Your cart (2 items) · Shop");
  });

  it("offers more than 20 when more are in stock", async () => {
    const { user } = renderShop(
      createFakeGateway([{ id: "p-filters", name: "Paper filters", priceCents: 500, stockQty: 120 }]),
    );
    await user.click((await product("Paper filters")).getByRole("button", { name: "Add to cart" }));
    await user.click(cartLink());
    await screen.findByRole("spinbutton", { name: "Quantity of Paper filters" });
    await setQuantity(user, "Paper filters", "75");
    expect(cartLink()).toHaveAccessibleName("Cart (75 items)");
    expect(screen.getByRole("spinbutton", { name: "Quantity of Paper filters" })).toHaveAttribute(
      "max",
      "120",
    );
  });

  it("names every page in the tab's title", async () => {
    const { user } = renderShop();
    await screen.findByRole("article", { name: "Teapot" });
    expect(document.title).toBe("Coffee & tea goods · Shop");
    await user.click(cartLink());
    await screen.findByRole("heading", { level: 1, name: "Your cart" });
    expect(document.title).toBe("Your cart · Shop");
  });

  it("says what is missing under each field, focuses the first, and sends nothing", async () => {
    const { user, gateway } = renderShop();
    await user.click((await product("Teapot")).getByRole("button", { name: "Add to cart" }));
    await user.click(cartLink());
    await user.type(await screen.findByLabelText("Email"), "ada@");
    await user.click(screen.getByRole("button", { name: "Place order" }));

    expect(screen.getByLabelText("Email")).toHaveFocus();
    expect(screen.getByLabelText("Email")).toHaveAccessibleDescription(
      "Enter an email address like name@example.com.",
    );
    expect(screen.getByLabelText("Full name")).toHaveAccessibleDescription("Enter your full name.");
    expect(screen.getByLabelText("Email")).toHaveAttribute("autocomplete", "email");
    expect(screen.getByLabelText("Postal code")).toHaveAttribute("autocomplete", "shipping postal-code");
    expect(gateway.placeOrderInputs).toHaveLength(0);
  });
});

describe("find your order", { timeout: 20_000 }, () => {
  it("finds an order by its number and email; a wrong email is told plainly", async () => {
    const { user } = renderShop();
    await user.click((await product("Teapot")).getByRole("button", { name: "Add to cart" }));
    await user.click(cartLink());
    await fillDetails(user);
    await user.click(screen.getByRole("button", { name: "Place order" }));
    expect(await screen.findByText("Order #1001")).toBeInTheDocument();

    await user.click(screen.getByRole("link", { name: "Find your order" }));
    await user.click(await screen.findByLabelText("Order number"));
    await user.paste("1001");
    await user.click(screen.getByLabelText("Email"));
    await user.paste("eve@example.com");
    await user.click(screen.getByRole("button", { name: "Find order" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "We found no order with that number and email",
    );

    await user.clear(screen.getByLabelText("Email"));
    await user.paste("ADA@example.com");
    await user.click(screen.getByRole("button", { name: "Find order" }));
    expect(await screen.findByText("Order #1001")).toBeInTheDocument();
    expect(screen.getByTestId("order-status")).toHaveTextContent("Payment pending");
  });
});
