import { expect, test, type Page } from "@playwright/test";

/** Inventory's REST door: the stock as the shop's owner of stock sees it. */
const INVENTORY = "http://127.0.0.1:4001";

interface InventoryProduct {
  id: string;
  name: string;
  price_cents: number;
  stock_qty: number;
}

/** Set UPDATE_SCREENSHOTS=1 to rewrite apps/web/screenshots/ (committed, looked at in review). */
async function screenshot(page: Page, name: string, fullPage = false) {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `apps/web/screenshots/${name}.png`, animations: "disabled", fullPage });
}

test("a shopper orders one product twice over, and Inventory's stock goes down by two", async ({
  page,
  request,
}) => {
  // The product with the most stock: other specs (and earlier runs on a kept stack) may have sold some.
  const catalog = (await (await request.get(`${INVENTORY}/products`)).json()) as InventoryProduct[];
  const product = catalog.toSorted((a, b) => b.stock_qty - a.stock_qty)[0];
  if (!product || product.stock_qty < 2) throw new Error("the catalog has no product with 2 units in stock");

  await page.goto("/");
  const card = page.getByRole("article", { name: product.name, exact: true });
  await expect(card.getByText("In stock")).toBeVisible();
  await expect(page.getByRole("article", { name: "Mug", exact: true })).toBeVisible();

  const add = card.getByRole("button", { name: "Add to cart" });
  await add.click();
  await add.click();
  await expect(card.getByText("2 in your cart")).toBeVisible();
  await screenshot(page, "catalog", true);

  await page.getByRole("link", { name: "Cart (2 items)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your cart" })).toBeVisible();
  await screenshot(page, "cart");
  await page.getByRole("button", { name: "Place order" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Order confirmed" })).toBeVisible();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("row", { name: `${product.name} 2` })).toBeVisible();
  await expect(page.getByRole("link", { name: "Cart (0 items)" })).toBeVisible();
  await screenshot(page, "order-confirmed");

  const stockNow = async () => {
    const res = await request.get(`${INVENTORY}/products/${product.id}`);
    expect(res.ok()).toBe(true);
    return ((await res.json()) as InventoryProduct).stock_qty;
  };
  await expect.poll(stockNow).toBe(product.stock_qty - 2);
});

test("the cart survives a reload", async ({ page }) => {
  await page.goto("/");
  await page
    .getByRole("article", { name: "Teapot", exact: true })
    .getByRole("button", { name: "Add to cart" })
    .click();
  await expect(page.getByRole("link", { name: "Cart (1 item)" })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("link", { name: "Cart (1 item)" })).toBeVisible();
  await page.getByRole("link", { name: "Cart (1 item)" }).click();
  await expect(page.getByRole("heading", { level: 3, name: "Teapot" })).toBeVisible();
});

test("when the gateway cannot be reached the shop says so, and Try again recovers", async ({ page }) => {
  // The browser's requests to the gateway fail as if it were down; the stack itself keeps running.
  await page.route("**/graphql**", (route) => route.abort("connectionrefused"));
  await page.goto("/");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("The shop is unavailable right now. Try again in a moment.");

  await page.unroute("**/graphql**");
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("article", { name: "Teapot", exact: true })).toBeVisible();
  await expect(alert).toBeHidden();
});
