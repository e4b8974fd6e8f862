/**
 * The rows the property suite aims its inputs at, made through the shop's
 * own REST doors: products in every state an order can trip over, and an
 * order in every status.
 */
import { ADMIN_HEADERS, type InProcessStack, type ServiceName } from "./stack.ts";

export interface FixtureProduct {
  id: string;
  name: string;
  price_cents: number;
  stock_qty: number;
}

export interface Shop {
  /** In stock, plenty. */
  mug: FixtureProduct;
  /** One unit left. */
  lastOne: FixtureProduct;
  soldOut: FixtureProduct;
  /** Costs nothing: an order of it alone totals 0 and cannot be paid. */
  freeSample: FixtureProduct;
  /** $1,000,000 each: eleven of them exceed the largest order total. */
  goldBar: FixtureProduct;
  /** Archived: gone from the catalog, not orderable. */
  retired: FixtureProduct;
  pendingOrderId: string;
  paidOrderId: string;
  cancelledOrderId: string;
  chargeId: string;
}

export async function seedShop(stack: InProcessStack): Promise<Shop> {
  const send = async (target: ServiceName, method: string, path: string, body?: unknown) => {
    const answer = await stack.request(target, {
      method,
      path,
      headers: { ...ADMIN_HEADERS, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${answer.text}`);
    return answer.text ? (JSON.parse(answer.text) as Record<string, unknown>) : {};
  };
  const product = async (name: string, price_cents: number, stock_qty: number) =>
    (await send("inventory", "POST", "/products", {
      name,
      price_cents,
      stock_qty,
    })) as unknown as FixtureProduct;
  const order = async (productId: string) =>
    String((await send("orders", "POST", "/orders", { items: [{ productId, qty: 1 }] })).orderId);

  const mug = await product("Reliable Mug", 1_200, 50);
  const lastOne = await product("Last Teapot", 4_500, 1);
  const soldOut = await product("Sold-out Kettle", 3_000, 0);
  const freeSample = await product("Free Sample", 0, 100);
  const goldBar = await product("Gold Bar", 100_000_000, 1_000);
  const retired = await product("Retired Cup", 800, 5);
  await send("inventory", "DELETE", `/products/${retired.id}`);

  const pendingOrderId = await order(mug.id);
  const paidOrderId = await order(mug.id);
  const captured = await send("orders", "POST", `/orders/${paidOrderId}/capture`);
  const cancelledOrderId = await order(mug.id);
  await send("orders", "POST", `/orders/${cancelledOrderId}/cancel`);
  const chargeId = String((captured.charge as { charge_id: string }).charge_id);

  return {
    mug,
    lastOne,
    soldOut,
    freeSample,
    goldBar,
    retired,
    pendingOrderId,
    paidOrderId,
    cancelledOrderId,
    chargeId,
  };
}
