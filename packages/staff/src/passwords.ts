import { randomBytes } from "node:crypto";
import argon2 from "argon2";

/**
 * argon2id with the library's defaults (64 MiB, 3 passes, 4 lanes: OWASP's
 * recommended floor and then some). The hash string carries its parameters,
 * so raising them later still verifies the old hashes.
 */
export const hashPassword = (password: string): Promise<string> =>
  argon2.hash(password, { type: argon2.argon2id });

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false; // a malformed hash never signs anyone in
  }
}

// Verifying against this when the email is unknown takes as long as a real
// check, so timing does not tell which emails have accounts.
let decoy: Promise<string> | undefined;
export async function spendVerifyTime(password: string): Promise<void> {
  decoy ??= hashPassword(randomBytes(16).toString("hex"));
  await verifyPassword(await decoy, password);
}

/** A password for a new account nobody chose yet (the first owner): 24 url-safe characters. */
export const randomPassword = (): string => randomBytes(18).toString("base64url");
