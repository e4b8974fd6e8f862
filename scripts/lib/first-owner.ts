import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { PrismaClient } from "@shop/db";
import { ensureFirstOwner, FIRST_OWNER_EMAIL } from "@shop/staff";

export interface FirstOwner {
  email: string;
  /** The password when this run made the account or it is still the one kept in `file`. */
  password: string | undefined;
  created: boolean;
}

/**
 * On a database with no staff: owner@shop.local with a random password, kept
 * in `file` (readable by this user only) and printed, as the admin token is.
 * Later starts print the kept one again while it is there.
 */
export async function firstOwner(db: PrismaClient, file: string): Promise<FirstOwner> {
  const made = await ensureFirstOwner(db);
  if (made) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${made.password}\n`, { mode: 0o600 });
    return { email: made.email, password: made.password, created: true };
  }
  const kept = existsSync(file) ? readFileSync(file, "utf8").trim() : undefined;
  return { email: FIRST_OWNER_EMAIL, password: kept || undefined, created: false };
}
