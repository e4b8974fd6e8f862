import { expect, test, type Page } from "@playwright/test";
import {
  expectAccessible,
  expectDialogUsable,
  expectNoHorizontalOverflow,
  screenshot,
} from "./support/checks.ts";
import { findInCatalog } from "./support/catalog.ts";
import { confirmedOrder, fillCheckout, orderNumberOf } from "./support/checkout.ts";
import {
  ADMIN,
  adminToken,
  createProduct,
  graphql,
  INVENTORY,
  ORDERS,
  PAYMENTS,
  placeOrder,
  unique,
} from "./support/stack.ts";

/**
 * The admin SPA against the real stack (playwright.config.ts runs `pnpm
 * start` on a database of its own), at both widths. The seed plan's exit: a
 * product added in Admin is visible through Inventory and GraphQL and on the
 * web shop; a shopper orders it; capture marks the order paid and never
 * charges twice. And the admin as merchants use it: on a phone, with a
 * gateway that hangs, in several tabs.
 */

async function signIn(page: Page, token: string) {
  await page.goto(ADMIN);
  await page.getByLabel("Admin token").fill(token);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Products" })).toBeVisible();
}

/** Every page state a test reaches: axe-clean and never wider than the screen. */
async function checkState(page: Page, state: string) {
  await expectNoHorizontalOverflow(page, state);
  await expectAccessible(page, state);
}

/** The Orders page's row of one order (the table shows its number, #1001). */
const orderRow = (page: Page, orderNumber: number) =>
  page.getByRole("row", { name: new RegExp(`#${orderNumber}\\b`) });

test.beforeAll(async ({ request }) => {
  // The config waits for the web shop; the admin is served beside it and may come up a moment later.
  await expect
    .poll(async () => (await request.get(ADMIN).catch(() => null))?.ok() ?? false, { timeout: 15_000 })
    .toBe(true);
});

test("a wrong admin token is refused and the admin stays signed out", async ({ page }) => {
  await page.goto(ADMIN);
  await expect(page).toHaveTitle("Sign in · Shop Admin");
  // Words for merchants: no commands, ports or file paths.
  await expect(page.locator("body")).not.toContainText(/pnpm|localhost|\.data|:\d{4}/);
  await checkState(page, "sign-in");
  const field = page.getByLabel("Admin token");
  await field.fill("not-the-admin-token");
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByText("That token was not accepted")).toBeVisible();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("heading", { name: "Products" })).toHaveCount(0);
  await checkState(page, "sign-in refused");
});

test("an admin adds a product, a shopper buys it, and its capture marks the order paid once", async ({
  page,
  context,
  request,
}) => {
  const token = adminToken();
  const name = unique("E2E Desk Lamp");

  // Admin: sign in, add the product.
  await signIn(page, token);
  await page.getByRole("button", { name: "New product" }).click();
  const form = page.getByRole("dialog", { name: "New product" });
  await expectDialogUsable(page, form);
  await checkState(page, "the New product dialog");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Price").fill("12.50");
  await form.getByLabel("Stock").fill("5");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText(`Added “${name}” to the catalog.`);
  await expect(form).toBeHidden();
  const productRow = page.getByRole("row", { name: new RegExp(name) });
  await expect(productRow.getByRole("cell", { name: "$12.50" })).toBeVisible();

  // Visible through GraphQL and through Inventory.
  const { products } = await graphql<{
    products: Array<{ id: string; name: string; priceCents: number; stockQty: number }>;
  }>(request, "{ products { id name priceCents stockQty } }");
  const product = products.find((p) => p.name === name);
  expect(product).toMatchObject({ priceCents: 1250, stockQty: 5 });
  const productId = product?.id ?? "";
  const inventory = await request.get(`${INVENTORY}/products/${productId}`);
  expect(await inventory.json()).toEqual({
    id: productId,
    name,
    price_cents: 1250,
    stock_qty: 5,
    description: "",
    sku: null,
    images: [],
  });

  // The web shop: in its catalog; a shopper orders one.
  const shop = await context.newPage();
  const card = await findInCatalog(shop, name);
  await card.getByRole("button", { name: "Add to cart" }).click();
  await shop.getByRole("link", { name: "Cart (1 item)" }).click();
  await fillCheckout(shop);
  await shop.getByRole("button", { name: "Place order" }).click();
  await expect(shop.getByRole("heading", { level: 1, name: "Order confirmed" })).toBeVisible();
  const { id: orderId, number } = await confirmedOrder(shop);
  await shop.close();

  // Admin: the order is on the Orders page, waiting for payment; capture it, after confirming.
  await page.getByRole("link", { name: "Orders" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
  await expect(page).toHaveTitle("Orders · Shop Admin");
  const row = orderRow(page, number);
  await expect(row.getByText("Payment pending")).toBeVisible();
  await expect(page.locator("main")).not.toContainText("PENDING");
  await expect(row).toContainText(`1 × ${name}`);
  await expect(row).toContainText("$12.50");
  await row.getByRole("button", { name: /Capture payment/ }).click();
  const confirm = page.getByRole("dialog", { name: `Capture payment for order #${number}?` });
  await expectDialogUsable(page, confirm);
  await checkState(page, "the capture confirmation");
  await confirm.getByRole("button", { name: "Capture $12.50" }).click();
  await expect(confirm).toBeHidden();
  const status = page.getByRole("status");
  await expect(status).toHaveText(`Captured $12.50 for order #${number}.`);
  await expect(status).toBeFocused();
  await expect(row.getByText("Paid")).toBeVisible();
  await expect(row.getByRole("button", { name: /Capture payment/ })).toHaveCount(0);

  // Paid for good: a reload reads it from the server.
  await page.reload();
  await expect(orderRow(page, number).getByText("Paid")).toBeVisible();

  // Never twice. Capturing a PAID order again answers it as it is, through either door, and
  // Orders' REST door names the one charge that paid it: the same each time, for the order's total.
  const again = await graphql<{ capturePayment: { __typename: string; status?: string } }>(
    request,
    "mutation ($id: ID!) { capturePayment(orderId: $id) { __typename ... on Order { status } } }",
    { id: orderId },
    token,
  );
  expect(again.capturePayment).toEqual({ __typename: "Order", status: "PAID" });
  const auth = { authorization: `Bearer ${token}` };
  const chargeIds: string[] = [];
  for (let i = 0; i < 2; i++) {
    const res = await request.post(`${ORDERS}/orders/${orderId}/capture`, { headers: auth });
    expect(res.status()).toBe(200);
    const body = (await res.json()) as {
      order: { status: string };
      charge: { status: string; charge_id: string };
    };
    expect(body.order.status).toBe("PAID");
    expect(body.charge.status).toBe("succeeded");
    chargeIds.push(body.charge.charge_id);
  }
  expect(chargeIds[1]).toBe(chargeIds[0]);
  const charge = await request.get(`${PAYMENTS}/charges/${chargeIds[0]}`, { headers: auth });
  expect(await charge.json()).toMatchObject({ order_id: orderId, amount_cents: 1250, status: "succeeded" });

  // The sale took one unit.
  const after = await request.get(`${INVENTORY}/products/${productId}`);
  expect(((await after.json()) as { stock_qty: number }).stock_qty).toBe(4);
});

test("an admin cancels a pending order after confirming, and its stock comes back", async ({
  page,
  request,
}) => {
  const token = adminToken();
  const productId = await createProduct(request, {
    name: unique("E2E Cancel Bowl"),
    priceCents: 1_500,
    stockQty: 6,
  });
  const number = await orderNumberOf(request, await placeOrder(request, [{ productId, qty: 2 }]));

  await signIn(page, token);
  await page.getByRole("link", { name: "Orders" }).click();
  await page.getByLabel("Status").selectOption("PENDING");
  const row = orderRow(page, number);
  await row.getByRole("button", { name: /Cancel/ }).click();
  const dialog = page.getByRole("dialog", { name: `Cancel order #${number}?` });
  // Wholly on screen, its text whole (not cut by the table cell it was opened from), its buttons tappable.
  await expectDialogUsable(page, dialog);
  await expect(dialog).toContainText(
    "Nothing is charged, and its 2 units go back into stock. A cancelled order cannot be captured.",
  );
  await checkState(page, "the cancel confirmation");
  await dialog.getByRole("button", { name: "Cancel order" }).click();

  await expect(dialog).toBeHidden();
  await expect(row.getByText("Cancelled")).toBeVisible();
  await expect(page.getByRole("status")).toBeFocused();
  const stock = await request.get(`${INVENTORY}/products/${productId}`);
  expect(((await stock.json()) as { stock_qty: number }).stock_qty).toBe(6);
});

test("an admin reprices, restocks, archives and restores a product; the catalog follows", async ({
  page,
  request,
}) => {
  const token = adminToken();
  const name = unique("E2E Side Table");
  const productId = await createProduct(request, { name, priceCents: 8900, stockQty: 2 });
  const catalogIds = async () =>
    (await graphql<{ products: Array<{ id: string }> }>(request, "{ products { id } }")).products.map(
      (p) => p.id,
    );

  await signIn(page, token);
  const row = page.getByRole("row", { name: new RegExp(name) });
  const status = page.getByRole("status");

  await row.getByRole("button", { name: `Edit ${name}` }).click();
  const edit = page.getByRole("dialog", { name: `Edit “${name}”` });
  await expectDialogUsable(page, edit);
  await edit.getByLabel("Price").clear();
  await edit.getByLabel("Price").pressSequentially("79.5");
  // Escape with unsaved changes asks first; Keep editing keeps them.
  await page.keyboard.press("Escape");
  const discard = page.getByRole("dialog", { name: "Discard your changes?" });
  await expectDialogUsable(page, discard);
  await checkState(page, "the discard question");
  await discard.getByRole("button", { name: "Keep editing" }).click();
  await expect(edit.getByLabel("Price")).toHaveValue("79.5");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(status).toHaveText(`Saved “${name}”.`);
  await expect(row.getByRole("cell", { name: "$79.50" })).toBeVisible();

  await row.getByRole("button", { name: `Stock ${name}` }).click();
  const stock = page.getByRole("dialog", { name: "Change stock" });
  await expectDialogUsable(page, stock);
  await stock.getByLabel("Units to add or remove").fill("+3");
  await expect(stock).toContainText("Stock becomes 5");
  await checkState(page, "the stock dialog");
  await stock.getByRole("button", { name: "Save" }).click();
  await expect(status).toHaveText(`“${name}” now has 5 in stock.`);

  await row.getByRole("button", { name: `Archive ${name}` }).click();
  const confirm = page.getByRole("dialog", { name: `Archive “${name}”?` });
  await expectDialogUsable(page, confirm);
  await confirm.getByRole("button", { name: "Archive product" }).click();
  await expect(row.getByText("Archived", { exact: true })).toBeVisible();
  await expect(status).toBeFocused();
  expect(await catalogIds()).not.toContain(productId);
  const inventory = await request.get(`${INVENTORY}/products`);
  expect(((await inventory.json()) as Array<{ id: string }>).map((p) => p.id)).not.toContain(productId);

  await row.getByRole("button", { name: `Restore ${name}` }).click();
  const restore = page.getByRole("dialog", { name: `Restore “${name}”?` });
  await expectDialogUsable(page, restore);
  await restore.getByRole("button", { name: "Restore product" }).click();
  await expect(status).toHaveText(`Restored “${name}”. It is back in the catalog.`);
  await expect(status).toBeFocused();
  await expect(row.getByText("In catalog")).toBeVisible();
  expect(await catalogIds()).toContain(productId);
});

test("a product name stops at 200 characters while it is typed", async ({ page }) => {
  await signIn(page, adminToken());
  await page.getByRole("button", { name: "New product" }).click();
  const name = page.getByRole("dialog", { name: "New product" }).getByLabel("Name");
  await name.pressSequentially("n".repeat(230));
  await expect(name).toHaveValue("n".repeat(200));
  await expect(page.getByText("No characters left (at most 200)")).toBeVisible();
});

test("the page and the filter of the Orders page are in its address: reload and Back keep them", async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  // More than one page of cancelled orders (20 a page), made here so the test does not depend on others.
  const productId = await createProduct(request, {
    name: unique("E2E Paging Cup"),
    priceCents: 100,
    stockQty: 30,
  });
  const token = adminToken();
  for (let i = 0; i < 22; i++) {
    const orderId = await placeOrder(request, [{ productId, qty: 1 }]);
    await graphql(
      request,
      "mutation ($id: ID!) { cancelOrder(orderId: $id) { __typename } }",
      { id: orderId },
      token,
    );
  }

  await signIn(page, token);
  await page.getByRole("link", { name: "Orders" }).click();
  await page.getByLabel("Status").selectOption("CANCELLED");
  await expect(page).toHaveURL(/\/orders\?status=cancelled$/);
  await page.getByRole("button", { name: /Next/ }).click();
  await expect(page.getByText("Page 2", { exact: true })).toBeVisible();
  await expect(page).toHaveURL(/status=cancelled&after=/);

  await page.reload();
  await expect(page.getByText("Page 2", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Status")).toHaveValue("CANCELLED");
  await expect(page).toHaveTitle("Orders, page 2 · Shop Admin");
  await checkState(page, "orders, page 2 of a filter");

  await page.goBack();
  await expect(page.getByText("Page 1", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Status")).toHaveValue("CANCELLED");
  await page.goBack();
  await expect(page.getByLabel("Status")).toHaveValue("");
  await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
});

test("a gateway that never answers a capture gives a message within 15 s that says retrying is safe", async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  const productId = await createProduct(request, {
    name: unique("E2E Hung Jug"),
    priceCents: 2_000,
    stockQty: 2,
  });
  const number = await orderNumberOf(request, await placeOrder(request, [{ productId, qty: 1 }]));
  await signIn(page, adminToken());
  await page.getByRole("link", { name: "Orders" }).click();
  const row = orderRow(page, number);
  await row.getByRole("button", { name: /Capture payment/ }).click();

  // Only the capture hangs: accepted, never answered.
  let hungAt = 0;
  await page.route("**/graphql", (route) => {
    if (!route.request().postData()?.includes("CapturePayment")) return route.fallback();
    hungAt ||= Date.now();
  });
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Capture $20.00" }).click();
  await expect(dialog.getByRole("alert")).toContainText(
    "Capturing again is safe: an order is never charged twice.",
    { timeout: 25_000 },
  );
  // Within the 15 s deadline of the request (and a little for a busy machine to paint it).
  expect(Date.now() - hungAt).toBeLessThan(17_000);
  await expectDialogUsable(page, dialog);
  await checkState(page, "a capture without answer");

  await page.unrouteAll({ behavior: "ignoreErrors" });
  await dialog.getByRole("button", { name: "Capture $20.00" }).click();
  await expect(row.getByText("Paid")).toBeVisible();
});

test("one sign-in for every tab of the browser, and one sign-out", async ({ page, context }) => {
  await signIn(page, adminToken());
  const other = await context.newPage();
  await other.goto(`${ADMIN}/orders`);
  await expect(other.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();

  await other.getByRole("button", { name: "Sign out" }).click();
  await expect(other.getByLabel("Admin token")).toBeVisible();
  await expect(page.getByLabel("Admin token")).toBeVisible();
  await expect(page.getByText("You signed out in another tab.")).toBeVisible();
  await checkState(page, "signed out from another tab");
});

// Always runs: the pages must render with several orders in each state, fit the screen, keep
// Sign out inside the bar. The PNGs are written only with UPDATE_SCREENSHOTS=1.
test("the Products and Orders pages fit the screen with many rows (screenshots with UPDATE_SCREENSHOTS=1)", async ({
  page,
  request,
}, testInfo) => {
  const { products } = await graphql<{ products: Array<{ id: string; name: string; stockQty: number }> }>(
    request,
    "{ products { id name stockQty } }",
  );
  const inStock = products.filter((p) => p.stockQty >= 3);
  for (const lines of [inStock.slice(0, 2), inStock.slice(2, 3), inStock.slice(3, 5)]) {
    if (lines.length > 0)
      await placeOrder(
        request,
        lines.map((p, i) => ({ productId: p.id, qty: i + 1 })),
      );
  }

  await signIn(page, adminToken());
  await expect(page.getByRole("table")).toBeVisible();
  expect(await page.getByRole("row").count()).toBeGreaterThan(products.length);
  const header = await page.getByRole("banner").boundingBox();
  const signOut = await page.getByRole("button", { name: "Sign out" }).boundingBox();
  if (!header || !signOut) throw new Error("no header or Sign out");
  expect(signOut.x + signOut.width).toBeLessThanOrEqual(header.x + header.width);
  expect(signOut.y + signOut.height).toBeLessThanOrEqual(header.y + header.height);
  await checkState(page, "products");
  await screenshot(page, testInfo, "admin", "products", true);

  await page.getByRole("link", { name: "Orders" }).click();
  await expect(page.getByRole("table")).toBeVisible();
  expect(await page.getByRole("row").count()).toBeGreaterThan(3);
  await checkState(page, "orders");
  await screenshot(page, testInfo, "admin", "orders", true);

  await page.goto(`${ADMIN}/nowhere`);
  await expect(page).toHaveTitle("Page not found · Shop Admin");
  await checkState(page, "admin page not found");
});
