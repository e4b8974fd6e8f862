import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, expectNoHorizontalOverflow } from "./support/checks.ts";
import { createProduct, unbrokenName } from "./support/stack.ts";

/** Inventory's REST door, to make the catalog longer than one page. */
const INVENTORY = "http://127.0.0.1:4001";

function adminToken(): string {
  if (process.env.ADMIN_TOKEN) return process.env.ADMIN_TOKEN;
  const dataDir = process.env.SHOP_E2E_DATA_DIR;
  if (!dataDir) throw new Error("SHOP_E2E_DATA_DIR is unset: run through playwright.config.ts");
  return readFileSync(join(dataDir, "admin-token"), "utf8").trim();
}

/** Every page state a test reaches: axe-clean and never wider than the screen. */
async function checkState(page: Page, state: string) {
  await expectNoHorizontalOverflow(page, state);
  await expectAccessible(page, state);
}

test("a misspelt search finds the teapot; its page shows the description and picture; add to cart from there", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByLabel("Search products").fill("teapto");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\?q=teapto/);
  const card = page.getByRole("article", { name: "Teapot", exact: true });
  await expect(card).toBeVisible();
  await checkState(page, "a misspelt search");

  await card.getByRole("link", { name: "Teapot" }).click();
  await expect(page).toHaveURL(/\/products\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Teapot" })).toBeFocused();
  await expect(page).toHaveTitle("Teapot · Shop");
  await expect(page.getByText(/one-litre porcelain teapot/)).toBeVisible();
  const picture = page.getByRole("img", { name: "Illustration of the teapot" });
  await expect(picture).toBeVisible();
  expect(await picture.getAttribute("srcset")).toMatch(/320w, .+ 640w$/);
  // The picture really loaded (from the gateway, served from PostgreSQL).
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  await checkState(page, "a product's page");

  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText("1 in your cart")).toBeVisible();
  await expect(page.getByRole("link", { name: /Cart \(\d+ items?\)/ })).toBeVisible();
});

test("a product's page: a long name wraps on the page, the last unit hands the focus to View cart, a broken link says so", async ({
  page,
}) => {
  const name = unbrokenName();
  const id = await createProduct(page.request, { name, priceCents: 1_200, stockQty: 1 });
  await page.goto(`/products/${id}`);
  const heading = page.getByRole("heading", { level: 1, name });
  await expect(heading).toBeVisible();
  await expect(page).toHaveTitle(`${name} · Shop`);
  await checkState(page, "a product's page with a long name");

  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("link", { name: "View cart" })).toBeFocused();
  await expect(page.getByText("All 1 in your cart")).toBeVisible();
  await checkState(page, "a product's page, all in the cart");

  await page.goto("/products/not-a-uuid");
  await expect(page.getByRole("heading", { level: 1, name: "This product link is not valid" })).toBeVisible();
  await expect(page).toHaveTitle("Product link not valid · Shop");
  await expect(page.getByText(/went wrong/)).toHaveCount(0);
  await checkState(page, "an invalid product link");
  await page.goto("/products/00000000-0000-4000-8000-000000000000");
  await expect(page.getByRole("heading", { level: 1, name: "Product not found" })).toBeVisible();
  await expect(page).toHaveTitle("Product not found · Shop");
  await checkState(page, "a product link to no product");
});

test("says so when nothing matches", async ({ page }) => {
  await page.goto("/?q=zzqqxxyy");
  await expect(page.getByText("No products match.")).toBeVisible();
  await checkState(page, "a search without match");
});

test.describe("at phone width", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the catalog is one page of 24 cards and the way to the next page, kept in the URL", async ({
    page,
    request,
  }) => {
    // More products than one page holds (made once per stack; named to sort last).
    const existing = (await (await request.get(`${INVENTORY}/products`)).json()) as { name: string }[];
    for (let i = existing.length; i < 30; i++) {
      const res = await request.post(`${INVENTORY}/products`, {
        headers: { authorization: `Bearer ${adminToken()}` },
        data: { name: `Zz Sample ${String(i).padStart(2, "0")}`, price_cents: 500, stock_qty: 1 },
      });
      expect(res.status()).toBe(201);
    }
    await page.goto("/?sort=name");
    const cards = page.getByRole("list", { name: "Products" }).getByRole("listitem");
    await expect(cards).toHaveCount(24);
    const next = page.getByRole("link", { name: "Next page" });
    await expect(next).toBeVisible();
    // Compact rows on a phone: a screenful shows several cards, not one and a half.
    const firstCard = await cards.first().boundingBox();
    expect(firstCard!.height).toBeLessThan(844 / 3);
    await checkState(page, "the catalog's first page");
    await next.click();
    await expect(page).toHaveURL(/after=/);
    await expect(page.getByRole("link", { name: "First page" })).toBeVisible();
    await checkState(page, "the catalog's second page");
    await page.reload();
    await expect(page.getByRole("link", { name: "First page" })).toBeVisible();
  });
});
