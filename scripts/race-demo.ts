/**
 * `pnpm demo:race`: two shoppers, one Mug.
 *
 * 1. With the real Orders service (started here on a free port, over the
 *    shop's database): the Mug is set to stock 1 and two orders for it are
 *    sent at the same moment. Placement locks the product row with
 *    SELECT ... FOR UPDATE, so exactly one wins and the other is told
 *    insufficient_stock; the stock ends at 0.
 * 2. Without the lock, written here and only here: read the stock, check it
 *    in JavaScript, write back an absolute `stock_qty = <read - qty>`. Run
 *    the same race a number of times and count the rounds where both
 *    shoppers got the last Mug: a lost update, which the CHECK
 *    (stock_qty >= 0) cannot see, because 0 is a valid stock level.
 *
 * The demo's extra orders are deleted at the end; the first round's order
 * is kept, so the shop shows what the demo did: one Mug sold, stock 0.
 */
import { randomBytes } from "node:crypto";
import {
  applyMigrations,
  createPrismaClient,
  freePorts,
  Prisma,
  repoRoot,
  startDatabase,
  type PrismaClient,
} from "@shop/db";
import { runTs, stopProcess, waitUntilHealthy } from "@shop/service/processes";

const ROUNDS = 20;

type Outcome = { accepted: true; orderId: string } | { accepted: false; why: string };

const database = await startDatabase();
const db = createPrismaClient(database.url, { maxConnections: 4 });
const keptOrders = new Set<string>();
const demoOrders: string[] = [];
let orders: Awaited<ReturnType<typeof startOrders>> | undefined;
let mugId: string | undefined;

try {
  const applied = await applyMigrations(database.url);
  if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);
  const mug = await findOrCreateMug(db);
  mugId = mug.id;
  orders = await startOrders(database.url);

  console.log(`\n1. With SELECT ... FOR UPDATE (the Orders service, ${orders.url})`);
  await setStock(db, mug.id, 1);
  console.log(`   The Mug (${mug.id}) has 1 in stock. Alice and Bob order it at the same moment.`);
  const [alice, bob] = await Promise.all([orders.placeOne(mug.id), orders.placeOne(mug.id)]);
  report("Alice", alice);
  report("Bob", bob);
  console.log(`   Final stock: ${await stockOf(db, mug.id)}`);
  for (const outcome of [alice, bob]) if (outcome.accepted) keptOrders.add(outcome.orderId);

  let oneWinnerRounds = 0;
  for (let round = 0; round < ROUNDS; round++) {
    await setStock(db, mug.id, 1);
    const outcomes = await Promise.all([orders.placeOne(mug.id), orders.placeOne(mug.id)]);
    const accepted = outcomes.flatMap((o) => (o.accepted ? [o.orderId] : []));
    demoOrders.push(...accepted);
    if (accepted.length === 1) oneWinnerRounds++;
  }
  console.log(`   ${ROUNDS} more rounds: exactly one winner in ${oneWinnerRounds} of them.`);

  console.log(`\n2. Without the lock (read, check in JavaScript, write stock_qty = <read - 1>)`);
  let naiveOversold = 0;
  for (let round = 0; round < ROUNDS; round++) {
    await setStock(db, mug.id, 1);
    const outcomes = await Promise.all([placeWithoutLock(db, mug.id), placeWithoutLock(db, mug.id)]);
    const accepted = outcomes.flatMap((o) => (o.accepted ? [o.orderId] : []));
    demoOrders.push(...accepted);
    if (accepted.length > 1) {
      naiveOversold++;
      if (naiveOversold === 1) {
        console.log(
          `   Round ${round + 1}: both orders accepted (${accepted.join(", ")}) for 1 Mug; ` +
            `final stock ${await stockOf(db, mug.id)}, not -1: the second write overwrote the first.`,
        );
      }
    }
  }
  console.log(`   ${ROUNDS} rounds: the last Mug sold twice in ${naiveOversold} of them.`);

  if (oneWinnerRounds < ROUNDS || [alice, bob].filter((o) => o.accepted).length !== 1) {
    // The service itself oversold or refused both: a real bug, not a demo hiccup.
    console.error("\nThe locked placement did not give exactly one winner: that is a bug.");
    process.exitCode = 1;
  } else if (naiveOversold === 0) {
    console.log("\nThe lock-free variant got lucky this time (it depends on timing); run it again.\n");
  } else {
    console.log(
      "\nRow locks: one winner every time. No lock: the last Mug sold twice. " +
        "See README.md, “Orders: ACID placement and the race”.\n",
    );
  }
} finally {
  await orders?.stop();
  try {
    if (mugId) await tidyUp(mugId);
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

/** Leave the shop as the first round left it: that round's order kept, the Mug at stock 0. */
async function tidyUp(mugId: string) {
  await db.order.deleteMany({ where: { id: { in: demoOrders.filter((id) => !keptOrders.has(id)) } } });
  await setStock(db, mugId, keptOrders.size > 0 ? 0 : 1);
}

function report(who: string, outcome: Outcome) {
  console.log(
    outcome.accepted ? `   ${who}: 201, order ${outcome.orderId} placed` : `   ${who}: ${outcome.why}`,
  );
}

async function findOrCreateMug(prisma: PrismaClient) {
  const existing = await prisma.product.findFirst({ where: { name: "Mug", archivedAt: null } });
  return existing ?? prisma.product.create({ data: { name: "Mug", priceCents: 1_200, stockQty: 1 } });
}

async function setStock(prisma: PrismaClient, id: string, stock: number) {
  await prisma.product.update({ where: { id }, data: { stockQty: stock } });
}

async function stockOf(prisma: PrismaClient, id: string) {
  return (await prisma.product.findUniqueOrThrow({ where: { id } })).stockQty;
}

/** The Orders service in its own process, on a free port, over the shop's database. */
async function startOrders(databaseUrl: string) {
  const [port] = (await freePorts(1)) as [number];
  const url = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    ADMIN_TOKEN: randomBytes(24).toString("base64url"),
    SERVICE_TOKEN: randomBytes(24).toString("base64url"),
    // /metrics on a port the system picks: never one a running shop holds.
    METRICS_PORT: "0",
    ORDERS_PORT: String(port),
    LOG_LEVEL: "warn",
  };
  const child = runTs("apps/orders/src/main.ts", env, repoRoot());
  await waitUntilHealthy(`${url}/healthz`, child);

  return {
    url,
    async placeOne(productId: string): Promise<Outcome> {
      const res = await fetch(`${url}/orders`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ items: [{ productId, qty: 1 }] }),
      });
      const body = (await res.json()) as { orderId?: string; error?: string; message?: string };
      if (res.status === 201 && body.orderId) return { accepted: true, orderId: body.orderId };
      return { accepted: false, why: `${res.status} ${body.error}: ${body.message}` };
    },
    stop: () => stopProcess(child),
  };
}

/**
 * The placement WITHOUT a row lock, for the demo only. Each step is fine on
 * its own; together, two of them can both read 1, both pass the check, and
 * both write 0.
 */
async function placeWithoutLock(prisma: PrismaClient, productId: string): Promise<Outcome> {
  return prisma.$transaction(
    async (tx) => {
      const [product] = await tx.$queryRaw<Array<{ stock_qty: number; price_cents: number }>>`
        SELECT stock_qty, price_cents FROM products WHERE id = ${productId}::uuid`;
      if (!product || product.stock_qty < 1) return { accepted: false, why: "409 insufficient_stock" };
      const order = await tx.order.create({
        data: {
          totalCents: product.price_cents,
          items: { create: { productId, qty: 1, priceCents: product.price_cents } },
        },
      });
      await tx.$executeRaw`
        UPDATE products SET stock_qty = ${product.stock_qty - 1} WHERE id = ${productId}::uuid`;
      return { accepted: true, orderId: order.id };
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted },
  );
}
