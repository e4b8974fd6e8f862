import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A new access token: 32 random bytes (256 bits), base64url, unguessable. */
export const newAccessToken = (): string => randomBytes(32).toString("base64url");

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
