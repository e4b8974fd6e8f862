import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { graphql } from "./stack.ts";

/** Who orders and where it ships, as a shopper types them at checkout. */
export const SHOPPER = {
  email: "ada@example.com",
  name: "Ada Lovelace",
  line1: "12 St James's Square",
  city: "London",
  postalCode: "SW1Y 4JH",
  country: "GB",
} as const;

/** Fills the cart page's checkout details (the fields a shopper must give). */
export async function fillCheckout(page: Page, who: { email: string } = SHOPPER): Promise<void> {
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Full name").fill(SHOPPER.name);
  await page.getByLabel("Address", { exact: true }).fill(SHOPPER.line1);
  await page.getByLabel("City").fill(SHOPPER.city);
  await page.getByLabel("Postal code").fill(SHOPPER.postalCode);
  await page.getByLabel("Country").selectOption(SHOPPER.country);
}

/** The order the confirmation page shows: its id and access token from the URL, its number from the page. */
export async function confirmedOrder(page: Page): Promise<{ id: string; token: string; number: number }> {
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\?token=/);
  const url = new URL(page.url());
  const id = url.pathname.split("/").at(-1)!;
  const token = url.searchParams.get("token")!;
  const text = (await page.locator(".order-number").textContent()) ?? "";
  const number = Number(/#(\d+)/.exec(text)?.[1]);
  expect(number).toBeGreaterThan(0);
  return { id, token, number };
}

/** An order's human number, as the gateway tells anyone (it is no personal data). */
export async function orderNumberOf(request: APIRequestContext, orderId: string): Promise<number> {
  const { order } = await graphql<{ order: { number: number } | null }>(
    request,
    "query ($id: ID!) { order(id: $id) { number } }",
    { id: orderId },
  );
  if (!order) throw new Error(`no order ${orderId}`);
  return order.number;
}
