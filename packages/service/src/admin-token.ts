import { createHash, timingSafeEqual } from "node:crypto";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * Compares a presented secret (the admin token, the service token) with the
 * configured one in constant time. Hashing first makes both sides the same
 * length, so not even the secret's length leaks through timing.
 */
export function isSameSecret(presented: string | undefined, expected: string): boolean {
  if (!presented) return false;
  return timingSafeEqual(digest(presented), digest(expected));
}

/** Whether a presented token is the admin token. */
export const isAdminToken = isSameSecret;

/** The token from an `Authorization: Bearer <token>` header, if there is one. */
export function bearerToken(authorization: string | undefined | null): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match?.[1];
}
