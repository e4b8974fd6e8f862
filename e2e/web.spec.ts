import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, expectNoHorizontalOverflow, screenshot } from "./support/checks.ts";
import { findInCatalog } from "./support/catalog.ts";
import { fillCheckout } from "./support/checkout.ts";
import {
  adminToken,
  createProduct,
  graphql,
  INVENTORY,
  placeOrder,
  runMark,
  unique,
} from "./support/stack.ts";

/** The web shop against the real stack, at both widths (the desktop and phone projects). */

interface InventoryProduct {
  id: string;
  name: string;
  price_cents: number;
  stock_qty: number;
}

/** Every page state a test reaches: axe-clean and never wider than the screen. */
async function checkState(page: Page, state: string) {
  await expectNoHorizontalOverflow(page, state);
  await expectAccessible(page, state);
}

test("a shopper orders one product twice over, and Inventory's stock goes down by two", async ({
  page,
  request,
}, testInfo) => {
  // The product with the most stock: other specs (and earlier runs on a kept stack) may have sold some.
  const catalog = (await (await request.get(`${INVENTORY}/products`)).json()) as InventoryProduct[];
  const product = catalog.toSorted((a, b) => b.stock_qty - a.stock_qty)[0];
  if (!product || product.stock_qty < 2) throw new Error("the catalog has no product with 2 units in stock");

  await page.goto("/");
  await expect(page).toHaveTitle("Coffee & tea goods · Shop");
  await expect(page.getByRole("list", { name: "Products" }).getByRole("article").first()).toBeVisible();
  await checkState(page, "the catalog");
  // Other specs add products: the catalog has pages, so the shopper searches for it.
  const card = await findInCatalog(page, product.name);
  await expect(card.getByText("In stock")).toBeVisible();

  const add = card.getByRole("button", { name: "Add to cart" });
  await add.click();
  await add.click();
  await expect(card.getByText("2 in your cart")).toBeVisible();
  await screenshot(page, testInfo, "web", "catalog", true);

  await page.getByRole("link", { name: "Cart (2 items)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your cart" })).toBeFocused();
  await expect(page).toHaveTitle("Your cart (2 items) · Shop");
  await checkState(page, "the cart");
  await fillCheckout(page);
  await screenshot(page, testInfo, "web", "cart");
  await page.getByRole("button", { name: "Place order" }).click();

  // Arriving at the confirmation puts the focus on its heading.
  const heading = page.getByRole("heading", { level: 1, name: "Order confirmed" });
  await expect(heading).toBeFocused();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\?token=[\w-]+$/);
  await expect(page).toHaveTitle("Order confirmed · Shop");
  await expect(page.getByRole("row", { name: `${product.name} 2` })).toBeVisible();
  await expect(page.getByText("Payment pending")).toBeVisible();
  await expect(page.getByRole("link", { name: "Cart (0 items)" })).toBeVisible();
  await checkState(page, "the confirmation");
  await screenshot(page, testInfo, "web", "order-confirmed");

  const stockNow = async () => {
    const res = await request.get(`${INVENTORY}/products/${product.id}`);
    expect(res.ok()).toBe(true);
    return ((await res.json()) as InventoryProduct).stock_qty;
  };
  await expect.poll(stockNow).toBe(product.stock_qty - 2);
});

test("the cart survives a reload; Remove hands the focus on", async ({ page, request }) => {
  const names = [unique("E2E Saucer"), unique("E2E Spoon")];
  for (const name of names) await createProduct(request, { name, priceCents: 700, stockQty: 5 });
  for (const name of names) {
    await (await findInCatalog(page, name)).getByRole("button", { name: "Add to cart" }).click();
  }
  await expect(page.getByRole("link", { name: "Cart (2 items)" })).toBeVisible();

  await page.reload();
  await page.getByRole("link", { name: "Cart (2 items)" }).click();
  await expect(page.getByRole("heading", { level: 3, name: names[0] })).toBeVisible();

  await page.getByRole("button", { name: `Remove ${names[0]}` }).click();
  await expect(page.getByRole("button", { name: `Remove ${names[1]}` })).toBeFocused();
  await page.getByRole("button", { name: `Remove ${names[1]}` }).click();
  await expect(page.getByRole("link", { name: "Browse the catalog" })).toBeFocused();
  await checkState(page, "the empty cart");
});

test("when the gateway cannot be reached the shop says so, and Try again recovers", async ({ page }) => {
  // The browser's requests to the gateway fail as if it were down; the stack itself keeps running.
  await page.route("**/graphql**", (route) => route.abort("connectionrefused"));
  await page.goto("/?q=Teapot");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("The shop is unavailable right now. Try again in a moment.");
  await checkState(page, "the catalog, gateway down");

  await page.unroute("**/graphql**");
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("article", { name: "Teapot", exact: true })).toBeVisible();
  await expect(alert).toBeHidden();
});

test("a gateway that never answers gives the catalog a message within 15 s", async ({ page }) => {
  test.setTimeout(45_000);
  // Accepted and never answered: the request hangs until the page gives up on it.
  let hungAt = 0;
  await page.route("**/graphql**", () => {
    hungAt ||= Date.now();
  });
  await page.goto("/?q=Teapot");
  await expect(page.getByRole("alert")).toContainText("The shop is taking too long to answer.", {
    timeout: 25_000,
  });
  // Within the 15 s deadline of the request (and a little for a busy machine to paint it).
  expect(Date.now() - hungAt).toBeLessThan(17_000);
  await checkState(page, "the catalog, gateway hung");
  await page.unrouteAll({ behavior: "ignoreErrors" });
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("article", { name: "Teapot", exact: true })).toBeVisible();
});

test("a checkout the gateway never answers ends within 15 s with one Try again, safe to press", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await (await findInCatalog(page, "Teapot")).getByRole("button", { name: "Add to cart" }).click();
  await page.getByRole("link", { name: "Cart (1 item)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your cart" })).toBeVisible();

  // The mutation (the only POST) hangs; the catalog's reads still go through.
  let hungAt = 0;
  await page.route("**/graphql**", (route) => {
    if (route.request().method() !== "POST") return route.fallback();
    hungAt ||= Date.now();
  });
  await fillCheckout(page);
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByRole("button", { name: "Placing order…" })).toBeDisabled();
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Trying again is safe: your order is placed only once.", {
    timeout: 25_000,
  });
  // Within the 15 s deadline of the request (and a little for a busy machine to paint it).
  expect(Date.now() - hungAt).toBeLessThan(17_000);
  // No two identical buttons: the notice has none, the one button says Try again.
  await expect(alert.getByRole("button")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Try again" })).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Place order" })).toHaveCount(0);
  // The button pressed kept the focus through "Placing order…": it is Try again now.
  await expect(page.getByRole("button", { name: "Try again" })).toBeFocused();
  await checkState(page, "the cart after a checkout without answer");

  await page.unrouteAll({ behavior: "ignoreErrors" });
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Order confirmed" })).toBeVisible();
});

test("a cancelled order's page never says confirmed", async ({ page, request }) => {
  const productId = await createProduct(request, {
    name: unique("E2E Cancelled Cup"),
    priceCents: 900,
    stockQty: 3,
  });
  const orderId = await placeOrder(request, [{ productId, qty: 1 }]);
  await graphql(
    request,
    "mutation ($id: ID!) { cancelOrder(orderId: $id) { __typename } }",
    { id: orderId },
    adminToken(),
  );

  await page.goto(`/orders/${orderId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Order cancelled" })).toBeVisible();
  await expect(page.getByText("Cancelled", { exact: true })).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText(/confirmed/i);
  await expect(page).toHaveTitle("Order cancelled · Shop");
  await checkState(page, "a cancelled order");
});

test("an order link that names no order says the link is not valid", async ({ page }) => {
  await page.goto("/orders/not-a-uuid");
  await expect(page.getByRole("heading", { level: 1, name: "This order link is not valid" })).toBeVisible();
  await expect(page.getByText(/went wrong/)).toHaveCount(0);
  await checkState(page, "an invalid order link");
  await page.goto("/no-such-page");
  await expect(page).toHaveTitle("Page not found · Shop");
  await checkState(page, "page not found");
});

test("the catalog: by name as people sort names, sold out last, long names clamped, last unit hands on the focus", async ({
  page,
  request,
}) => {
  // This run's products, found together by the mark in their names (other specs add products too).
  const mark = runMark();
  const longName = `E2E ${"Extraordinarily long hand-thrown stoneware pour-over dripper ".repeat(4)}`
    .slice(0, 180)
    .concat(" ", mark);
  const products = [
    { name: longName, stockQty: 1 },
    { name: `zebra mug ${mark}`, stockQty: 3 },
    { name: `Apron ${mark}`, stockQty: 3 },
    { name: `Bowl 10 ${mark}`, stockQty: 3 },
    { name: `bowl 2 ${mark}`, stockQty: 3 },
    { name: `aaa sold out first by name ${mark}`, stockQty: 0 },
    { name: `Égg cup ${mark}`, stockQty: 0 },
  ];
  for (const p of products) await createProduct(request, { ...p, priceCents: 500 });

  await page.goto(`/?q=${mark}&sort=name`);
  // Search is fuzzy (trigrams): another run's marks may match too, so the shelf is read for this run's cards.
  const cards = page.getByRole("list", { name: "Products" }).getByRole("article").filter({ hasText: mark });
  await expect(cards).toHaveCount(products.length);
  const shelf = await cards.evaluateAll((articles) =>
    articles.map((a) => a.querySelector("h2")?.textContent ?? ""),
  );
  // What can be bought first, by name as people sort names (case and accents aside, 2 before 10), sold out last.
  const collator = new Intl.Collator("en", { numeric: true });
  const sorted = (soldOut: boolean) =>
    products
      .filter((p) => (p.stockQty === 0) === soldOut)
      .map((p) => p.name)
      .toSorted(collator.compare);
  expect(shelf).toEqual([...sorted(false), ...sorted(true)]);

  const card = page.getByRole("article", { name: longName, exact: true });
  const heading = card.getByRole("heading", { level: 2 });
  await expect(heading).toHaveAttribute("title", longName);
  const lineHeight = await heading.evaluate((h) => parseFloat(getComputedStyle(h).lineHeight));
  expect((await heading.boundingBox())?.height).toBeLessThanOrEqual(2 * lineHeight + 1);
  await checkState(page, "the catalog with a long name");

  await card.getByRole("button", { name: "Add to cart" }).click();
  await expect(card.getByRole("link", { name: "View cart" })).toBeFocused();

  // In the cart too the long name keeps its line short, the whole name in its title.
  await card.getByRole("link", { name: "View cart" }).click();
  const line = page.getByRole("heading", { level: 3, name: longName });
  await expect(line).toHaveAttribute("title", longName);
  const lineHeightInCart = await line.evaluate((h) => parseFloat(getComputedStyle(h).lineHeight));
  expect((await line.boundingBox())?.height).toBeLessThanOrEqual(2 * lineHeightInCart + 1);
  await checkState(page, "the cart with a long name");
});

test("more than 20 in stock: the quantity goes past 20, never past the stock", async ({ page, request }) => {
  const name = unique("E2E Paper filters");
  await createProduct(request, { name, priceCents: 300, stockQty: 120 });
  await (await findInCatalog(page, name)).getByRole("button", { name: "Add to cart" }).click();
  await page.getByRole("link", { name: "Cart (1 item)" }).click();
  const qty = page.getByRole("spinbutton", { name: `Quantity of ${name}` });
  await qty.fill("75");
  await expect(page.getByRole("link", { name: "Cart (75 items)" })).toBeVisible();
  await qty.fill("500");
  await qty.blur();
  await expect(qty).toHaveValue("75");
  await checkState(page, "a cart of 75");
});

test("a saved cart tells the shopper of a price change and of a product no longer sold", async ({
  page,
  request,
}) => {
  const token = adminToken();
  const dearer = unique("E2E Dearer kettle");
  const gone = unique("E2E Retired tray");
  const dearerId = await createProduct(request, { name: dearer, priceCents: 5_000, stockQty: 4 });
  const goneId = await createProduct(request, { name: gone, priceCents: 2_000, stockQty: 4 });

  for (const name of [dearer, gone]) {
    await (await findInCatalog(page, name)).getByRole("button", { name: "Add to cart" }).click();
  }
  await graphql(
    request,
    "mutation ($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { __typename } }",
    { id: dearerId, input: { priceCents: 5_500 } },
    token,
  );
  await graphql(
    request,
    "mutation ($id: ID!) { archiveProduct(id: $id) { __typename } }",
    { id: goneId },
    token,
  );

  await page.goto("/cart");
  await expect(
    page.getByText("The price went up since you added it: $50.00 then, $55.00 now."),
  ).toBeVisible();
  await expect(page.getByText("No longer sold. Remove it to place your order.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Place order" })).toBeDisabled();
  await checkState(page, "a saved cart with news");
});
