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
  addStaffMember,
  adminToken,
  createProduct,
  graphql,
  INVENTORY,
  ORDERS,
  OWNER_EMAIL,
  ownerPassword,
  PAYMENTS,
  placeOrder,
  queryDatabase,
  runMark,
  serviceToken,
  unbrokenName,
  unique,
} from "./support/stack.ts";

/**
 * The admin SPA against the real stack (playwright.config.ts runs `pnpm
 * start` on a database of its own), at both widths. The seed plan's exit: a
 * product added in Admin is visible through Inventory and GraphQL and on the
 * web shop; a shopper orders it; capture marks the order paid and never
 * charges twice. And the admin as merchants use it: on a phone, with a
 * gateway that hangs, in several tabs; people signing in with their own
 * email and password, an owner managing them, and the audit log saying who
 * did what.
 */

/** Signs in as a person (the first owner unless told), and waits for the Products page. */
async function signIn(page: Page, email = OWNER_EMAIL, password = ownerPassword()) {
  await page.goto(ADMIN);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
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

test("a wrong password is refused and the person stays signed out", async ({ page }) => {
  await page.goto(ADMIN);
  await expect(page).toHaveTitle("Sign in · Shop Admin");
  // Words for merchants: no commands, ports or file paths.
  await expect(page.locator("body")).not.toContainText(/pnpm|localhost|\.data|:\d{4}/);
  await checkState(page, "sign-in");
  await page.getByLabel("Email").fill(OWNER_EMAIL);
  await page.getByLabel("Password").fill("not the owner's password");
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByRole("alert")).toHaveText(
    "That email and password do not match an account. Check both and try again.",
  );
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expect(page.getByLabel("Email")).toHaveValue(OWNER_EMAIL);
  await expect(page.getByRole("heading", { name: "Products" })).toHaveCount(0);
  // No session cookie came of it.
  expect((await page.context().cookies()).filter((c) => c.name === "shop_session")).toEqual([]);
  await checkState(page, "sign-in refused");
});

test("sign-in is slowed down after five wrong passwords for an account, and says so", async ({
  page,
  request,
}) => {
  const email = `${unique("slowed").replace(/\W+/g, "-")}@shop.test`;
  await addStaffMember(request, { email, role: "support", password: "the right password, long" });
  await page.goto(ADMIN);
  await page.getByLabel("Email").fill(email);
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("Password").fill(`wrong guess ${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toHaveText(/do not match an account/);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  // Even the right password waits now: guessing is slowed, whatever the guess.
  await page.getByLabel("Password").fill("the right password, long");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText(
    /Too many failed sign-ins for this account\. Try again in \d+ minutes\./,
  );
  await expect(page.getByRole("heading", { name: "Products" })).toHaveCount(0);
  await checkState(page, "sign-in slowed down");
});

test("an admin adds a product, a shopper buys it, and its capture marks the order paid once", async ({
  page,
  context,
  request,
}) => {
  const name = unique("E2E Desk Lamp");

  // Admin: sign in, add the product.
  await signIn(page);
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
  // The placement, as Orders stored it: one lamp at its price, waiting for payment.
  const placed = await request.get(`${ORDERS}/orders/${orderId}`, {
    headers: { authorization: `Bearer ${adminToken()}` },
  });
  expect(placed.status()).toBe(200);
  expect(await placed.json()).toMatchObject({
    id: orderId,
    number,
    status: "PENDING",
    total_cents: 1250,
    items: [{ product_id: productId, qty: 1, price_cents: 1250 }],
  });

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
  await checkState(page, "orders, after a capture");

  // Paid for good: a reload reads it from the server.
  await page.reload();
  await expect(orderRow(page, number).getByText("Paid")).toBeVisible();

  // Never twice. Captured once above (the UI); three more times here: GraphQL once, Orders' REST
  // twice. Capturing a PAID order again answers it as it is, through either door, and Orders' REST
  // door names the one charge that paid it: the same each time, for the order's total.
  const token = adminToken();
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
  // Payments answers only Shop's own services (the service credential), not even the admin token.
  const refused = await request.get(`${PAYMENTS}/charges/${chargeIds[0]}`, { headers: auth });
  expect(refused.status()).toBe(401);
  const charge = await request.get(`${PAYMENTS}/charges/${chargeIds[0]}`, {
    headers: { "x-service-token": serviceToken() },
  });
  expect(await charge.json()).toMatchObject({ order_id: orderId, amount_cents: 1250, status: "succeeded" });
  // And in PostgreSQL, after all four captures: exactly one charge row for this order, that one.
  const charges = await queryDatabase<{ id: string; amount_cents: number; status: string }>(
    "SELECT id, amount_cents, status::text AS status FROM charges WHERE order_id = $1",
    [orderId],
  );
  expect(charges).toEqual([{ id: chargeIds[0], amount_cents: 1250, status: "succeeded" }]);

  // The sale took one unit.
  const after = await request.get(`${INVENTORY}/products/${productId}`);
  expect(((await after.json()) as { stock_qty: number }).stock_qty).toBe(4);

  // The audit log says who captured it (the owner here, the admin token for the script's
  // captures), names the order by its number, and the owner's entry leads to it.
  await page.getByRole("link", { name: "Audit log" }).click();
  const order = page.getByRole("link", { name: `Order #${number}` });
  const rows = page.getByRole("row").filter({ has: order });
  await expect(rows.filter({ hasText: "orders.capture" }).filter({ hasText: "Admin token" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "POST /orders/:id/capture" })).toHaveCount(2);
  const captured = rows.filter({ hasText: "orders.capture" }).filter({ hasText: OWNER_EMAIL });
  await checkState(page, "the audit log, with an order's entries");
  await expect(captured).toHaveCount(1);
  await expect(captured).toContainText(orderId);
  await captured.getByRole("link", { name: `Order #${number}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Order #${number}` })).toBeVisible();
});

test("an admin cancels a pending order after confirming, and its stock comes back", async ({
  page,
  request,
}) => {
  const productId = await createProduct(request, {
    name: unique("E2E Cancel Bowl"),
    priceCents: 1_500,
    stockQty: 6,
  });
  const number = await orderNumberOf(request, await placeOrder(request, [{ productId, qty: 2 }]));

  await signIn(page);
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
  await checkState(page, "orders, after a cancellation");
  const stock = await request.get(`${INVENTORY}/products/${productId}`);
  expect(((await stock.json()) as { stock_qty: number }).stock_qty).toBe(6);
});

test("an admin reprices, restocks, archives and restores a product; the catalog follows", async ({
  page,
  request,
}) => {
  const name = unique("E2E Side Table");
  const productId = await createProduct(request, { name, priceCents: 8900, stockQty: 2 });
  const catalogIds = async () =>
    (await graphql<{ products: Array<{ id: string }> }>(request, "{ products { id } }")).products.map(
      (p) => p.id,
    );

  await signIn(page);
  const row = page.getByRole("row", { name: new RegExp(name) });
  // The page's notice (dialogs are outside <main>: the Edit dialog's pictures have their own).
  const status = page.locator("main").getByRole("status");

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
  await checkState(page, "the archive confirmation");
  await confirm.getByRole("button", { name: "Archive product" }).click();
  await expect(row.getByText("Archived", { exact: true })).toBeVisible();
  await expect(status).toBeFocused();
  expect(await catalogIds()).not.toContain(productId);
  const inventory = await request.get(`${INVENTORY}/products`);
  expect(((await inventory.json()) as Array<{ id: string }>).map((p) => p.id)).not.toContain(productId);

  await row.getByRole("button", { name: `Restore ${name}` }).click();
  const restore = page.getByRole("dialog", { name: `Restore “${name}”?` });
  await expectDialogUsable(page, restore);
  await checkState(page, "the restore confirmation");
  await restore.getByRole("button", { name: "Restore product" }).click();
  await expect(status).toHaveText(`Restored “${name}”. It is back in the catalog.`);
  await expect(status).toBeFocused();
  await expect(row.getByText("In catalog")).toBeVisible();
  expect(await catalogIds()).toContain(productId);

  // Discard changes throws the typed edit away; nothing is saved.
  await row.getByRole("button", { name: `Edit ${name}` }).click();
  await edit.getByLabel("Price").fill("1.00");
  await page.keyboard.press("Escape");
  await page
    .getByRole("dialog", { name: "Discard your changes?" })
    .getByRole("button", { name: "Discard changes" })
    .click();
  await expect(edit).toBeHidden();
  await expect(row.getByRole("cell", { name: "$79.50" })).toBeVisible();
  // Without changes, Escape closes at once.
  await row.getByRole("button", { name: `Edit ${name}` }).click();
  await expect(edit).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(edit).toBeHidden();
  await expect(page.getByRole("dialog")).toHaveCount(0);
});

test("the Products page's search and page are in its address: reload and Back keep them", async ({
  page,
  request,
}) => {
  // More than one page (50 a page) of products found by this run's mark.
  const mark = runMark();
  for (let i = 0; i < 51; i += 17) {
    await Promise.all(
      Array.from({ length: Math.min(17, 51 - i) }, (_, j) =>
        createProduct(request, { name: `E2E Paging jar ${mark} ${i + j}`, priceCents: 100, stockQty: 1 }),
      ),
    );
  }

  await signIn(page);
  await page.getByLabel("Search products").fill(mark);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`/products\\?q=${mark}$`));
  await expect(page.getByText("Page 1", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: /Next/ }).click();
  await expect(page.getByText("Page 2", { exact: true })).toBeVisible();
  await expect(page).toHaveURL(/after=/);
  // One product on the second page, the last: Next is disabled there, and kept the focus it had.
  const ours = page.getByRole("row", { name: new RegExp(`E2E Paging jar ${mark}`) });
  await expect(ours).toHaveCount(1);
  await expect(page.getByRole("button", { name: /Next/ })).toBeDisabled();
  await expect(page.getByRole("button", { name: /Next/ })).toBeFocused();

  await page.reload();
  await expect(page.getByText("Page 2", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Search products")).toHaveValue(mark);
  await expect(page).toHaveTitle("Products, page 2 · Shop Admin");
  await checkState(page, "products, page 2 of a search");

  await page.goBack();
  await expect(page.getByText("Page 1", { exact: true })).toBeVisible();
  await expect(ours).toHaveCount(50);
  await page.goBack();
  await expect(page).toHaveURL(`${ADMIN}/`);
  await expect(page.getByLabel("Search products")).toHaveValue("");
});

/** A 1×1 PNG, as a merchant's upload would be (Inventory reads the bytes, not the name). */
const TINY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

test("a product's pictures: each change is said inside the dialog, where the focus goes", async ({
  page,
  request,
}, testInfo) => {
  const name = unique("E2E Picture mug");
  await createProduct(request, { name, priceCents: 1_500, stockQty: 2 });
  await signIn(page);
  await page
    .getByRole("row", { name: new RegExp(name) })
    .getByRole("button", { name: `Edit ${name}` })
    .click();
  const edit = page.getByRole("dialog", { name: `Edit “${name}”` });
  const status = edit.getByRole("status");

  for (const alt of ["A white mug, front", "The same mug, from above"]) {
    await edit
      .getByLabel("Add a picture")
      .setInputFiles({ name: "mug.png", mimeType: "image/png", buffer: TINY_PNG });
    await edit.getByLabel("Alt text", { exact: true }).last().fill(alt);
    await edit.getByRole("button", { name: "Upload picture" }).click();
    await expect(status).toHaveText("Picture added.");
    await expect(status).toBeFocused();
    await expect(edit.getByRole("img", { name: alt })).toBeVisible();
    // The upload form is empty again for the next picture.
    await expect(edit.getByLabel("Alt text", { exact: true }).last()).toHaveValue("");
    await expect(edit.getByLabel("Add a picture")).toHaveValue("");
  }
  await expectDialogUsable(page, edit);
  await checkState(page, "a product's pictures");
  await screenshot(page, testInfo, "admin", "product-pictures");

  // The product list is read again after each change; held back here, the pictures must still
  // show the change as soon as it is announced (the answer carries them), so that the next
  // button pressed acts on what the merchant sees.
  await page.route("**/graphql", async (route) => {
    if (route.request().postData()?.includes("AdminProducts")) await new Promise((r) => setTimeout(r, 2_000));
    await route.fallback();
  });
  // Move up on the second: it becomes the first, and its Move up is disabled for good.
  await edit.getByRole("button", { name: "Move up" }).last().click();
  await expect(status).toHaveText("Pictures reordered.");
  await expect(status).toBeFocused();
  await expect(edit.getByRole("img").first()).toHaveAccessibleName("The same mug, from above", {
    timeout: 1_000,
  });
  // Remove takes its own button away.
  await edit.getByRole("button", { name: "Remove" }).first().click();
  await expect(status).toHaveText("Picture removed.");
  await expect(status).toBeFocused();
  await expect(edit.getByRole("img")).toHaveCount(1, { timeout: 1_000 });
  await page.unroute("**/graphql");
  await checkState(page, "a product's pictures after a removal");
  await expect(edit.getByRole("img", { name: "A white mug, front" })).toBeVisible();
});

test("an order's page: its own title, long names that wrap, cancel asked on screen, and an address that names no order said plainly", async ({
  page,
  request,
}) => {
  const name = unbrokenName();
  const productId = await createProduct(request, { name, priceCents: 700, stockQty: 3 });
  const orderId = await placeOrder(request, [{ productId, qty: 1 }]);
  const number = await orderNumberOf(request, orderId);

  await signIn(page);
  // Newest first: on the first page.
  await expect(page.getByRole("row", { name: new RegExp(name) })).toBeVisible();
  await checkState(page, "products with a long name");
  await page.goto(`${ADMIN}/orders?q=${number}`);
  await expect(orderRow(page, number)).toBeVisible();
  await checkState(page, "orders with a long name");

  await orderRow(page, number)
    .getByRole("link", { name: `#${number}` })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: `Order #${number}` })).toBeVisible();
  await expect(page).toHaveTitle(`Order #${number} · Shop Admin`);
  await checkState(page, "an order's page with a long name");

  await page.getByRole("button", { name: "Cancel" }).click();
  const dialog = page.getByRole("dialog", { name: `Cancel order #${number}?` });
  await expectDialogUsable(page, dialog);
  await expect(dialog).toContainText("Nothing is charged, and its 1 unit goes back into stock.");
  await dialog.getByRole("button", { name: "Cancel order" }).click();
  await expect(dialog).toBeHidden();
  const status = page.getByRole("status");
  await expect(status).toHaveText(`Cancelled order #${number}; its 1 unit goes back into stock.`);
  await expect(status).toBeFocused();
  await expect(page.locator("main header").getByText("Cancelled", { exact: true })).toBeVisible();
  await checkState(page, "an order's page, cancelled");

  await page.goto(`${ADMIN}/orders/not-a-uuid`);
  await expect(
    page.getByRole("heading", { level: 1, name: "This order address is not valid" }),
  ).toBeVisible();
  await expect(page).toHaveTitle("Order address not valid · Shop Admin");
  await expect(page.locator("main")).not.toContainText(/UUID|Invalid request|went wrong/);
  await expect(page.getByRole("button", { name: "Try again" })).toHaveCount(0);
  await checkState(page, "an invalid order address");
  await page.goto(`${ADMIN}/orders/00000000-0000-4000-8000-000000000000`);
  await expect(page.getByRole("heading", { level: 1, name: "Order not found" })).toBeVisible();
  await expect(page).toHaveTitle("Order not found · Shop Admin");
  await checkState(page, "an address of no order");
});

test("a product name stops at 200 characters while it is typed", async ({ page }) => {
  await signIn(page);
  await page.getByRole("button", { name: "New product" }).click();
  const name = page.getByRole("dialog", { name: "New product" }).getByLabel("Name");
  await name.pressSequentially("n".repeat(230));
  await expect(name).toHaveValue("n".repeat(200));
  await expect(page.getByText("No characters left (at most 200)")).toBeVisible();
  await checkState(page, "a name at its 200 characters");
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

  await signIn(page);
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
  await signIn(page);
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
  // A second tab already open at the sign-in form follows the sign-in of the first, without a reload.
  const other = await context.newPage();
  await other.goto(ADMIN);
  await expect(other.getByLabel("Email")).toBeVisible();
  await signIn(page);
  await expect(other.getByRole("heading", { level: 1, name: "Products" })).toBeVisible();
  await other.getByRole("link", { name: "Orders" }).click();
  await expect(other.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();

  await other.getByRole("button", { name: "Sign out" }).click();
  await expect(other.getByLabel("Email")).toBeVisible();
  await expect(other.getByText("You are signed out.")).toBeVisible();
  await checkState(other, "signed out");
  await expect(page.getByLabel("Email")).toBeVisible();
  await expect(page.getByText("You signed out in another tab.")).toBeVisible();
  // The session is gone on the gateway too: a reload stays signed out.
  await page.reload();
  await expect(page.getByLabel("Email")).toBeVisible();
  await checkState(page, "signed out from another tab");
});

test("a gateway that cannot be reached is said in a merchant's words", async ({ page }) => {
  await page.route("**/graphql", (route) => route.abort("connectionrefused"));
  await page.goto(ADMIN);
  await expect(page.getByRole("status")).toHaveText(
    "The shop is not answering right now. Check your connection, then try again.",
  );
  // No addresses, ports or commands: nothing a merchant could act on.
  await expect(page.locator("body")).not.toContainText(/localhost|graphql|:\d{4}|pnpm|running\?/i);
  await checkState(page, "sign-in, gateway away");
});

test("an owner adds a person, changes their role and removes them; each takes effect at once, and the audit log says who did it", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(90_000);
  const email = `${unique("helper").replace(/\W+/g, "-")}@shop.test`;
  const password = "a first password, handed over";

  // The owner: who is signed in shows in the bar; Staff and Audit log are there for owners.
  await signIn(page);
  const bar = page.getByRole("banner").first();
  await expect(bar).toContainText(OWNER_EMAIL);
  await expect(bar).toContainText("Owner");
  await page.getByRole("link", { name: "Staff" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Staff" })).toBeVisible();
  await expect(page).toHaveTitle("Staff · Shop Admin");
  const add = page.getByRole("form", { name: "Add a person" });
  await add.getByLabel("Email").fill(email);
  await add.getByLabel("Role").selectOption("support");
  await add.getByLabel("First password").fill(password);
  await add.getByRole("button", { name: "Add person" }).click();
  const status = page.getByRole("status");
  await expect(status).toHaveText(`Added ${email} as Support. Give them their first password yourself.`);
  const row = page.getByRole("row", { name: new RegExp(email.replace(/[.]/g, "\\.")) });
  await expect(row.getByRole("combobox")).toHaveValue("support");
  await checkState(page, "staff");
  await screenshot(page, testInfo, "admin", "staff", true);

  // The new person, in a browser of their own: support sees no staff, no audit log, no product edits.
  const theirs = await browser.newContext({ viewport: page.viewportSize() });
  const them = await theirs.newPage();
  await signIn(them, email, password);
  const theirBar = them.getByRole("banner").first();
  await expect(theirBar).toContainText(email);
  await expect(theirBar).toContainText("Support");
  await expect(them.getByRole("link", { name: "Staff" })).toHaveCount(0);
  await expect(them.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await expect(them.getByRole("button", { name: "New product" })).toHaveCount(0);
  await expect(them.getByText("Your role can look at products but not change them.")).toBeVisible();
  await checkState(them, "products as support");
  await them.goto(`${ADMIN}/staff`);
  await expect(them.getByText("Only an owner of the shop can see this page.")).toBeVisible();
  await checkState(them, "the staff page's address, as support");

  // A new role applies at once: their session ends, and they sign in again as a manager.
  await row.getByRole("combobox").selectOption("manager");
  await expect(status).toHaveText(`${email} is now Manager. Their sessions ended, so it applies at once.`);
  await them.getByRole("link", { name: "Orders" }).click();
  await expect(them.getByText("Your session has ended. Sign in again to go on.")).toBeVisible();
  await checkState(them, "signed out by a change of role");
  await signIn(them, email, password);
  await expect(them.getByRole("button", { name: "New product" })).toBeVisible();

  // Removed: signed out at once, and the password no longer opens the admin.
  await row.getByRole("button", { name: `Remove ${email}` }).click();
  const confirm = page.getByRole("dialog", { name: `Remove ${email}?` });
  await expectDialogUsable(page, confirm);
  await checkState(page, "the remove confirmation");
  await confirm.getByRole("button", { name: "Remove person" }).click();
  await expect(status).toHaveText(`Removed ${email}. They are signed out and can no longer sign in.`);
  await expect(status).toBeFocused();
  await expect(row).toHaveCount(0);
  await them.getByRole("link", { name: "Orders" }).click();
  await expect(them.getByText("Your session has ended. Sign in again to go on.")).toBeVisible();
  await them.getByLabel("Email").fill(email);
  await them.getByLabel("Password").fill(password);
  await them.getByRole("button", { name: "Sign in" }).click();
  await expect(them.getByRole("alert")).toHaveText(/do not match an account/);
  await theirs.close();

  // The audit log: who did each of it, newest first.
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const entry = (action: string, who: string) =>
    page.getByRole("row").filter({ hasText: action }).filter({ hasText: who });
  await expect(entry("staff.create", OWNER_EMAIL).first()).toBeVisible();
  await expect(entry("staff.change_role", OWNER_EMAIL).first()).toBeVisible();
  await expect(entry("staff.remove", OWNER_EMAIL).first()).toBeVisible();
  await expect(entry("staff.sign_in", email).first()).toBeVisible();
  await checkState(page, "audit log");
  await screenshot(page, testInfo, "admin", "audit-log", true);
});

test("the audit log goes a page at a time, and the page it shows is in its address", async ({
  page,
  request,
}) => {
  const name = unique("E2E Audit Shelf");
  const productId = await createProduct(request, { name, priceCents: 900, stockQty: 1 });
  await signIn(page);
  // A page and one more of entries, newer than any other: 51 stock changes by a script.
  const headers = { authorization: `Bearer ${adminToken()}`, "content-type": "application/json" };
  for (let i = 0; i < 51; i++) {
    const res = await request.patch(`${INVENTORY}/products/${productId}/stock`, {
      headers,
      data: { stock_qty: i + 2 },
    });
    expect(res.status()).toBe(200);
  }
  const STOCK_CHANGE = "PATCH /products/:id/stock";
  const rows = page.locator("tbody tr");
  const pager = page.getByRole("navigation", { name: "Pages of the audit log" });
  const requestIdOf = (row: ReturnType<Page["locator"]>) =>
    row.locator('td[data-label="Request id"]').innerText();

  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(pager.getByText("Page 1")).toBeVisible();
  await expect(rows).toHaveCount(50);
  await expect(rows.filter({ hasText: STOCK_CHANGE })).toHaveCount(50);
  // On what: the product, by its name.
  await expect(rows.first().locator('td[data-label="On"]')).toHaveText(`${name}${productId}`);

  // Older: the 51st change first, then what came before it (the owner signing in).
  await pager.getByRole("button", { name: "Older →" }).click();
  await expect(pager.getByText("Page 2")).toBeVisible();
  await expect(page).toHaveURL(/\/audit\?after=/);
  await expect(rows.first()).toContainText(STOCK_CHANGE);
  await expect(rows.nth(1)).not.toContainText(STOCK_CHANGE);
  const first = await requestIdOf(rows.first());
  await checkState(page, "the audit log, page 2");

  // A reload keeps the page; Back returns to the newest.
  await page.reload();
  await expect(pager.getByText("Page 2")).toBeVisible();
  await expect(rows.first().locator('td[data-label="Request id"]')).toHaveText(first);
  await page.goBack();
  await expect(pager.getByText("Page 1")).toBeVisible();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(rows.filter({ hasText: STOCK_CHANGE })).toHaveCount(50);
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

  await page.goto(ADMIN);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await screenshot(page, testInfo, "admin", "sign-in", true);
  await signIn(page);
  await expect(page.getByRole("table")).toBeVisible();
  // A header row and a full first page (the admin pages products 50 at a time, archived ones too).
  expect(await page.getByRole("row").count()).toBeGreaterThan(Math.min(products.length, 50));
  const header = await page.getByRole("banner").first().boundingBox();
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
