import { expect, type Locator, type Page } from "@playwright/test";

/**
 * A product's card in the web shop, found as a shopper would in a catalog
 * with pages: by searching for its name. (Specs add products on every run,
 * so a product need not be on the first page.)
 */
export async function findInCatalog(page: Page, name: string): Promise<Locator> {
  await page.goto(`/?q=${encodeURIComponent(name)}`);
  const card = page.getByRole("article", { name, exact: true });
  await expect(card).toBeVisible();
  return card;
}
