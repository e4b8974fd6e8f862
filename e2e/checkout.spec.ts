import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import {
  expectAccessible,
  expectDialogUsable,
  expectNoHorizontalOverflow,
  screenshot,
} from "./support/checks.ts";
import { confirmedOrder, fillCheckout } from "./support/checkout.ts";
import { ADMIN, createProduct, OWNER_EMAIL, ownerPassword, unique } from "./support/stack.ts";

/**
 * A whole order's life through both apps on the real stack: the shopper
 * checks out with their details and gets order #N and its email; staff
 * capture, ship and part-refund it; the shopper follows it by its link and
 * finds it again by number and email.
 */

async function checkState(page: Page, state: string) {
  await expectNoHorizontalOverflow(page, state);
  await expectAccessible(page, state);
}

/** The .eml files the stack wrote (no SMTP_URL in the e2e stack). */
function emails(): { name: string; text: string }[] {
  const dir = join(process.env.SHOP_E2E_DATA_DIR!, "mail");
  try {
    return readdirSync(dir).map((name) => ({ name, text: readFileSync(join(dir, name), "utf8") }));
  } catch {
    return [];
  }
}

test("an order's life: checkout, email, capture, shipping, a part refund, and the shopper's view of each", async ({
  page,
  context,
}, testInfo) => {
  test.setTimeout(90_000);
  const name = unique("E2E Checkout Kettle");
  const productId = await createProduct(page.request, { name, priceCents: 2_000, stockQty: 5 });
  const email = `e2e-${testInfo.project.name}-${Date.now()}@example.com`;

  // The shopper: from the product's page to the cart, their details, the confirmation.
  await page.goto(`/products/${productId}`);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await page.getByRole("link", { name: "Cart (1 item)" }).click();
  await page.getByRole("button", { name: "Place order" }).click();
  // Nothing is sent without the details: the first missing one is marked and focused.
  await expect(page.getByLabel("Email")).toBeFocused();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await checkState(page, "checkout with details missing");
  await fillCheckout(page, { email });
  await screenshot(page, testInfo, "web", "checkout", true);
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Order confirmed" })).toBeVisible();
  const order = await confirmedOrder(page);
  await expect(page.getByTestId("ships-to")).toContainText("12 St James's Square");
  await checkState(page, "the confirmation with its address");

  // The confirmation email, written by the outbox as an .eml file.
  await expect.poll(() => emails().filter((e) => e.text.includes(email)).length, { timeout: 20_000 }).toBe(1);
  const confirmation = emails().find((e) => e.text.includes(email))!;
  expect(confirmation.text).toContain(`Order #${order.number} received`);

  // Staff: the order's page; capture, ship with tracking, refund $5.
  const admin = await context.newPage();
  await admin.goto(ADMIN);
  await admin.getByLabel("Email").fill(OWNER_EMAIL);
  await admin.getByLabel("Password").fill(ownerPassword());
  await admin.getByRole("button", { name: "Sign in" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Products" })).toBeVisible();
  await admin.goto(`${ADMIN}/orders/${order.id}`);
  await expect(admin.getByRole("heading", { level: 1, name: `Order #${order.number}` })).toBeVisible();
  await expect(admin).toHaveTitle(`Order #${order.number} · Shop Admin`);
  await expect(admin.getByText(email)).toBeVisible();
  await checkState(admin, "an order's page in the admin");
  const status = admin.getByRole("status");

  // Each action asks in a dialog wholly on screen, then says what it did where the focus goes
  // (the button pressed is gone with the state it belonged to), in words, never a status code.
  await admin.getByRole("button", { name: "Capture payment" }).click();
  const capture = admin.getByRole("dialog", { name: `Capture payment for order #${order.number}?` });
  await expectDialogUsable(admin, capture);
  await capture.getByRole("button", { name: "Capture $20.00" }).click();
  await expect(capture).toBeHidden();
  await expect(status).toHaveText(`Captured $20.00 for order #${order.number}.`);
  await expect(status).toBeFocused();
  await expect(admin.getByRole("button", { name: "Mark as shipped" })).toBeVisible();
  await expect(admin.locator("main")).not.toContainText(/\b(PENDING|PAID|FULFILLED)\b/);
  await checkState(admin, "an order's page after its capture");

  await admin.getByRole("button", { name: "Mark as shipped" }).click();
  const ship = admin.getByRole("dialog", { name: `Mark order #${order.number} as shipped?` });
  await expectDialogUsable(admin, ship);
  await ship.getByLabel("Carrier").fill("Royal Mail");
  await ship.getByLabel("Tracking number").fill("RM123456789GB");
  await checkState(admin, "the shipping dialog");
  await ship.getByRole("button", { name: "Mark as shipped" }).click();
  await expect(ship).toBeHidden();
  await expect(status).toHaveText(
    `Marked order #${order.number} as shipped; the customer gets a shipping notice.`,
  );
  await expect(status).toBeFocused();
  await expect(admin.getByRole("button", { name: "Mark as shipped" })).toHaveCount(0);

  await admin.getByRole("button", { name: "Refund" }).click();
  const refund = admin.getByRole("dialog", { name: `Refund order #${order.number}?` });
  await expectDialogUsable(admin, refund);
  await refund.getByLabel("Amount (USD)").fill("5.00");
  await refund.getByLabel("Reason").fill("Lid arrived dented");
  await checkState(admin, "the refund dialog");
  await refund.getByRole("button", { name: "Refund" }).click();
  await expect(refund).toBeHidden();
  await expect(status).toHaveText("Refunded $5.00; $5.00 refunded in all.");
  await expect(status).toBeFocused();
  await expect(admin.locator("main")).toContainText("Lid arrived dented");
  await checkState(admin, "an order shipped and part-refunded");
  await screenshot(admin, testInfo, "admin", "order-detail", true);

  // The shipping email follows the confirmation.
  await expect
    .poll(() => emails().filter((e) => e.text.includes(`Order #${order.number} has shipped`)).length, {
      timeout: 20_000,
    })
    .toBe(1);

  // The shopper's link shows it shipped, with its tracking number.
  await page.goto(`/orders/${order.id}?token=${order.token}`);
  await expect(page.getByRole("heading", { level: 1, name: "Order shipped" })).toBeVisible();
  await expect(page.getByText("RM123456789GB", { exact: false })).toBeVisible();
  await checkState(page, "a shipped order");
  await screenshot(page, testInfo, "web", "order-shipped", true);

  // Without the link: by number and email; a wrong email is told plainly and learns nothing.
  await page.goto("/orders/find");
  await expect(page).toHaveTitle("Find your order · Shop");
  await page.getByLabel("Order number").fill(String(order.number));
  await page.getByLabel("Email").fill("someone-else@example.com");
  await page.getByRole("button", { name: "Find order" }).click();
  await expect(page.getByText("We found no order with that number and email address")).toBeVisible();
  // "Looking…" did not take the focus away from the button pressed.
  await expect(page.getByRole("button", { name: "Find order" })).toBeFocused();
  await checkState(page, "no order for that number and email");
  await page.getByLabel("Email").fill(email.toUpperCase());
  await page.getByRole("button", { name: "Find order" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Shipped");
  await checkState(page, "an order found by number and email");
  await page.goto("/orders/find");
  await expect(page.getByRole("button", { name: "Find order" })).toBeVisible();
  await screenshot(page, testInfo, "web", "find-order");
});
