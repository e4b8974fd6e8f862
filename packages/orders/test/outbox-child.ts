// A real Orders outbox worker in a process of its own, for the test that
// kills it mid-send: DATABASE_URL and SMTP_URL come from the test.
import { createPrismaClient } from "@shop/db";
import { createLogger } from "@shop/service";
import { createOutboxWorker } from "../src/outbox/worker.ts";
import { createMailTransport } from "../src/outbox/transport.ts";

const db = createPrismaClient(process.env.DATABASE_URL!);
const transport = createMailTransport({
  smtpUrl: process.env.SMTP_URL,
  mailDir: "/nonexistent",
  from: "Shop <orders@shop.local>",
  timeoutMs: 60_000,
});
const worker = createOutboxWorker({ db, transport, log: createLogger("outbox", "silent"), pollMs: 50 });
worker.start();
process.stdout.write("ready\n");
