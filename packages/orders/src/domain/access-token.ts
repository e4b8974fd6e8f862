import { createHash, randomFillSync, timingSafeEqual } from "node:crypto";

const TOKEN_BYTES = 32;
// Drawn from OpenSSL 4 KiB at a time, as Node's randomUUID does: one call per
// 128 tokens instead of one per order (it showed in placement's profile).
// Every byte is used once.
const pool = Buffer.alloc(128 * TOKEN_BYTES);
let used = pool.length;

/** A new access token: 32 random bytes (256 bits), base64url, unguessable. */
export function newAccessToken(): string {
  if (used + TOKEN_BYTES > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const token = pool.toString("base64url", used, used + TOKEN_BYTES);
  used += TOKEN_BYTES;
  return token;
}

/** What Orders stores of a token: its SHA-256, hex. A leaked table opens no order. */
export const hashAccessToken = (token: string): string => createHash("sha256").update(token).digest("hex");

/**
 * Whether `presented` is the token whose hash is stored, in constant time
 * (both sides are SHA-256 digests, so equal length always).
 */
export function accessTokenMatches(storedHash: string | null, presented: string | undefined): boolean {
  if (storedHash === null || presented === undefined || presented === "") return false;
  const expected = Buffer.from(storedHash, "hex");
  const actual = createHash("sha256").update(presented).digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
