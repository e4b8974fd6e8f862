/**
 * `pnpm staff:create --email ann@example.com --role manager [--password …]`:
 * adds a person who can sign in to the admin. Without --password a random
 * one is made and printed once. Uses DATABASE_URL, else the embedded database.
 */
import { parseArgs } from "node:util";
import { createPrismaClient, startDatabase } from "@shop/db";
import { createStaff, MACHINE_ACTOR, randomPassword } from "@shop/staff";

const { values } = parseArgs({
  options: { email: { type: "string" }, role: { type: "string" }, password: { type: "string" } },
});
if (!values.email || !values.role) {
  console.error(
    "usage: pnpm staff:create --email ann@example.com --role owner|manager|support [--password …]",
  );
  process.exit(2);
}
const password = values.password ?? randomPassword();
const database = await startDatabase();
const db = createPrismaClient(database.url, { maxConnections: 1 });
try {
  const created = await createStaff(
    db,
    { email: values.email, role: values.role, password },
    { actor: MACHINE_ACTOR, requestId: `staff-create-${Date.now()}` },
  );
  console.log(`Added ${created.email} (${created.role}).`);
  if (!values.password) console.log(`Password: ${password}  (shown once; they can sign in with it now)`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await database.stop();
}
