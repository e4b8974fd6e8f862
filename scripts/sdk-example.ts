/**
 * `pnpm sdk:example`: what an internal script does with @shop/sdk, against the
 * stack `pnpm start` runs. It lists the catalog, places an order for a product
 * in stock, reads the order back and, with the admin token, captures its
 * payment. Every call's x-request-id starts with this run's id, so one grep
 * finds the run in every service's logs.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createShopClient, ShopClientError } from "@shop/sdk";

/** ADMIN_TOKEN, else the development token `pnpm start` keeps in .data/admin-token. */
function adminToken(): string | undefined {
  if (process.env.ADMIN_TOKEN) return process.env.ADMIN_TOKEN;
  const dataDir = process.env.SHOP_DATA_DIR ?? fileURLToPath(new URL("../.data", import.meta.url));
  const file = join(dataDir, "admin-token");
  return existsSync(file) ? readFileSync(file, "utf8").trim() || undefined : undefined;
}

const money = (cents: number) => (cents / 100).toFixed(2);

const run = `sdk-example-${Date.now()}`;
let calls = 0;
const token = adminToken();
const shop = createShopClient({ adminToken: token, requestId: () => `${run}.${++calls}` });

try {
  const products = await shop.inventory.products.list.query();
  const product = products.find((p) => p.stock_qty > 0);
  console.log(
    `${products.length} products in the catalog, ${products.filter((p) => p.stock_qty > 0).length} in stock.`,
  );
  if (!product) {
    console.error(
      "Nothing is in stock, so there is nothing to order. `pnpm db:seed` seeds an empty catalog.",
    );
    process.exit(1);
  }

  const placed = await shop.orders.orders.place.mutate({ items: [{ productId: product.id, qty: 1 }] });
  const order = await shop.orders.orders.get.query({ id: placed.orderId });
  console.log(
    `Placed order ${order.id}: 1 × ${product.name}, total ${money(order.total_cents)} (${order.status}).`,
  );

  if (token) {
    const { order: paid, charge } = await shop.orders.orders.capture.mutate({ id: order.id });
    console.log(`Captured its payment: order ${paid.status}, charge ${charge.charge_id}.`);
  } else {
    console.log("No admin token (ADMIN_TOKEN or .data/admin-token), so the payment was not captured.");
  }
  console.log(`Request ids: ${run}.1 to ${run}.${calls}`);
} catch (err) {
  if (!(err instanceof ShopClientError)) throw err;
  console.error(err.message);
  if (err.code === "service_unavailable") {
    console.error(
      "Is the shop running? Start it with `pnpm start` in another terminal, or point " +
        "SHOP_INVENTORY_URL, SHOP_ORDERS_URL and SHOP_PAYMENTS_URL at it.",
    );
  } else {
    console.error(
      `(${err.service} ${err.procedure}: ${err.code}, ${err.status}; request id ${err.requestId})`,
    );
  }
  process.exitCode = 1;
}
