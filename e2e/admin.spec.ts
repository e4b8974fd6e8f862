import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

/**
 * The admin SPA against the real stack (playwright.config.ts runs `pnpm
 * start` on a database of its own). The seed plan's exit: a product added in
 * Admin is visible through Inventory and GraphQL and on the web shop; a
 * shopper orders it; capture marks the order PAID and never charges twice.
 */

const ADMIN = "http://127.0.0.1:5174";
const WEB = "http://127.0.0.1:5173";
const GATEWAY = "http://127.0.0.1:4000/graphql";
const INVENTORY = "http://127.0.0.1:4001";
const ORDERS = "http://127.0.0.1:4002";
const PAYMENTS = "http://127.0.0.1:4003";

/** The stack's admin token: ADMIN_TOKEN when the runner set it, else the one `pnpm start` saved. */
function adminToken(): string {
  if (process.env.ADMIN_TOKEN) return process.env.ADMIN_TOKEN;
  const dataDir = process.env.SHOP_E2E_DATA_DIR;
  if (!dataDir) throw new Error("SHOP_E2E_DATA_DIR is unset: run through playwright.config.ts");
  return readFileSync(join(dataDir, "admin-token"), "utf8").trim();
}

async function graphql<T>(
  request: APIRequestContext,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const res = await request.post(GATEWAY, {
    data: { query, variables },
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { data?: T; errors?: Array<{ message: string }> };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  if (!body.data) throw new Error("the gateway answered no data");
  return body.data;
}

async function signIn(page: Page, token: string) {
  await page.goto(ADMIN);
  await page.getByLabel("Admin token").fill(token);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Products" })).toBeVisible();
}

/** The Orders page's row of one order (the table shows the first 8 characters of its id). */
const orderRow = (page: Page, orderId: string) =>
  page.getByRole("row", { name: new RegExp(orderId.slice(0, 8)) });

/** Set UPDATE_SCREENSHOTS=1 to rewrite apps/admin/screenshots/ (committed, looked at in review). */
async function screenshot(page: Page, name: string) {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  await page.screenshot({
    path: `apps/admin/screenshots/${name}.png`,
    animations: "disabled",
    fullPage: true,
  });
}

test.beforeAll(async ({ request }) => {
  // The config waits for the web shop; the admin is served beside it and may come up a moment later.
  await expect
    .poll(async () => (await request.get(ADMIN).catch(() => null))?.ok() ?? false, { timeout: 15_000 })
    .toBe(true);
});

test("a wrong admin token is refused and the admin stays signed out", async ({ page }) => {
  await page.goto(ADMIN);
  const field = page.getByLabel("Admin token");
  await field.fill("not-the-admin-token");
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByText("That token was not accepted")).toBeVisible();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("heading", { name: "Products" })).toHaveCount(0);
});

test("an admin adds a product, a shopper buys it, and its capture marks the order PAID once", async ({
  page,
  context,
  request,
}) => {
  const token = adminToken();
  const name = `E2E Desk Lamp ${Date.now().toString(36)}`;

  // Admin: sign in, add the product.
  await signIn(page, token);
  await page.getByRole("button", { name: "New product" }).click();
  const form = page.getByRole("dialog", { name: "New product" });
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
  expect(await inventory.json()).toEqual({ id: productId, name, price_cents: 1250, stock_qty: 5 });

  // The web shop: in its catalog; a shopper orders one.
  const shop = await context.newPage();
  await shop.goto(WEB);
  const card = shop.getByRole("article", { name, exact: true });
  await expect(card).toBeVisible();
  await card.getByRole("button", { name: "Add to cart" }).click();
  await shop.getByRole("link", { name: "Cart (1 item)" }).click();
  await shop.getByRole("button", { name: "Place order" }).click();
  await expect(shop.getByRole("heading", { level: 1, name: "Order confirmed" })).toBeVisible();
  const orderId = /\/orders\/([0-9a-f-]{36})$/.exec(shop.url())?.[1];
  if (!orderId) throw new Error(`no order id in ${shop.url()}`);
  await shop.close();

  // Admin: the order is on the Orders page, PENDING; capture it.
  await page.getByRole("link", { name: "Orders" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
  const row = orderRow(page, orderId);
  await expect(row.getByText("PENDING")).toBeVisible();
  await expect(row).toContainText(`1 × ${name}`);
  await expect(row).toContainText("$12.50");
  await row.getByRole("button", { name: /Capture payment/ }).click();
  await expect(row.getByText("PAID")).toBeVisible();
  await expect(row.getByRole("button", { name: /Capture payment/ })).toHaveCount(0);

  // PAID for good: a reload reads it from the server.
  await page.reload();
  await expect(orderRow(page, orderId).getByText("PAID")).toBeVisible();

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
  const { products } = await graphql<{ products: Array<{ id: string; name: string; stockQty: number }> }>(
    request,
    "{ products { id name stockQty } }",
  );
  const product = products.toSorted((a, b) => b.stockQty - a.stockQty)[0];
  if (!product || product.stockQty < 2) throw new Error("the catalog has no product with 2 units in stock");
  const { placeOrder } = await graphql<{ placeOrder: { __typename: string; id?: string } }>(
    request,
    "mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { __typename ... on Order { id } } }",
    { input: { items: [{ productId: product.id, qty: 2 }] } },
  );
  const orderId = placeOrder.id;
  if (!orderId) throw new Error(`placeOrder answered ${placeOrder.__typename}`);

  await signIn(page, token);
  await page.getByRole("link", { name: "Orders" }).click();
  await page.getByLabel("Status").selectOption("PENDING");
  const row = orderRow(page, orderId);
  await row.getByRole("button", { name: /Cancel/ }).click();
  const dialog = page.getByRole("dialog", { name: `Cancel order ${orderId.slice(0, 8)}?` });
  await expect(dialog).toContainText("2 units go back into stock");
  await dialog.getByRole("button", { name: "Cancel order" }).click();

  await expect(dialog).toBeHidden();
  await expect(row.getByText("CANCELLED")).toBeVisible();
  const stock = await request.get(`${INVENTORY}/products/${product.id}`);
  expect(((await stock.json()) as { stock_qty: number }).stock_qty).toBe(product.stockQty);
});

test("an admin reprices, restocks and archives a product, and the catalog stops offering it", async ({
  page,
  request,
}) => {
  const token = adminToken();
  const name = `E2E Side Table ${Date.now().toString(36)}`;
  const { createProduct } = await graphql<{ createProduct: { __typename: string; id?: string } }>(
    request,
    "mutation ($input: CreateProductInput!) { createProduct(input: $input) { __typename ... on AdminProduct { id } } }",
    { input: { name, priceCents: 8900, stockQty: 2 } },
    token,
  );
  const productId = createProduct.id;
  if (!productId) throw new Error(`createProduct answered ${createProduct.__typename}`);

  await signIn(page, token);
  const row = page.getByRole("row", { name: new RegExp(name) });
  const status = page.getByRole("status");

  await row.getByRole("button", { name: `Edit ${name}` }).click();
  const edit = page.getByRole("dialog", { name: `Edit “${name}”` });
  await edit.getByLabel("Price").fill("79.5");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(status).toHaveText(`Saved “${name}”.`);
  await expect(row.getByRole("cell", { name: "$79.50" })).toBeVisible();

  await row.getByRole("button", { name: `Stock ${name}` }).click();
  const stock = page.getByRole("dialog", { name: "Change stock" });
  await stock.getByLabel("Units to add or remove").fill("+3");
  await expect(stock).toContainText("Stock becomes 5");
  await stock.getByRole("button", { name: "Save" }).click();
  await expect(status).toHaveText(`“${name}” now has 5 in stock.`);

  await row.getByRole("button", { name: `Archive ${name}` }).click();
  const confirm = page.getByRole("dialog", { name: `Archive “${name}”?` });
  await confirm.getByRole("button", { name: "Archive product" }).click();
  await expect(row.getByText("ARCHIVED")).toBeVisible();
  await expect(row.getByRole("button")).toHaveCount(0);

  const { products } = await graphql<{ products: Array<{ id: string }> }>(request, "{ products { id } }");
  expect(products.map((p) => p.id)).not.toContain(productId);
  const inventory = await request.get(`${INVENTORY}/products`);
  expect(((await inventory.json()) as Array<{ id: string }>).map((p) => p.id)).not.toContain(productId);
});

// Always runs: the pages must render with several orders in each state. The
// PNGs are written only with UPDATE_SCREENSHOTS=1.
test("the Products and Orders pages render with many rows (screenshots with UPDATE_SCREENSHOTS=1)", async ({
  page,
  request,
}) => {
  // A few more orders, so the Orders page shows each state and several lines.
  const { products } = await graphql<{ products: Array<{ id: string; name: string; stockQty: number }> }>(
    request,
    "{ products { id name stockQty } }",
  );
  const inStock = products.filter((p) => p.stockQty >= 3);
  for (const lines of [inStock.slice(0, 2), inStock.slice(2, 3), inStock.slice(3, 5)]) {
    await graphql(
      request,
      "mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { __typename } }",
      {
        input: { items: lines.map((p, i) => ({ productId: p.id, qty: i + 1 })) },
      },
    );
  }

  await signIn(page, adminToken());
  await expect(page.getByRole("table")).toBeVisible();
  expect(await page.getByRole("row").count()).toBeGreaterThan(products.length);
  await screenshot(page, "products");
  await page.getByRole("link", { name: "Orders" }).click();
  await expect(page.getByRole("table")).toBeVisible();
  expect(await page.getByRole("row").count()).toBeGreaterThan(3);
  await screenshot(page, "orders");
});
