import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";

/** Inventory's REST door, to make the catalog longer than one page. */
const INVENTORY = "http://127.0.0.1:4001";

function adminToken(): string {
  if (process.env.ADMIN_TOKEN) return process.env.ADMIN_TOKEN;
  const dataDir = process.env.SHOP_E2E_DATA_DIR;
  if (!dataDir) throw new Error("SHOP_E2E_DATA_DIR is unset: run through playwright.config.ts");
  return readFileSync(join(dataDir, "admin-token"), "utf8").trim();
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

  await card.getByRole("link", { name: "Teapot" }).click();
  await expect(page).toHaveURL(/\/products\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Teapot" })).toBeVisible();
  await expect(page.getByText(/one-litre porcelain teapot/)).toBeVisible();
  const picture = page.getByRole("img", { name: "Illustration of the teapot" });
  await expect(picture).toBeVisible();
  expect(await picture.getAttribute("srcset")).toMatch(/320w, .+ 640w$/);
  // The picture really loaded (from the gateway, served from PostgreSQL).
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText("1 in your cart")).toBeVisible();
  await expect(page.getByRole("link", { name: /Cart \(\d+ items?\)/ })).toBeVisible();
});

test("says so when nothing matches", async ({ page }) => {
  await page.goto("/?q=zzqqxxyy");
  await expect(page.getByText("No products match.")).toBeVisible();
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
    await next.click();
    await expect(page).toHaveURL(/after=/);
    await expect(page.getByRole("link", { name: "First page" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("link", { name: "First page" })).toBeVisible();
  });
});
