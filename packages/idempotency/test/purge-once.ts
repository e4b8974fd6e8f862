// One replica's purge round as its own process: what purge.test.ts runs beside the test's own.
import { createPrismaClient } from "@shop/db";
import { purgeInOneReplica } from "../src/purge.ts";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set");
const db = createPrismaClient(url, { maxConnections: 1 });
try {
  process.stdout.write(`${JSON.stringify(await purgeInOneReplica(db))}\n`);
} finally {
  await db.$disconnect();
}
