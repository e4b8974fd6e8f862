import { createHash } from "node:crypto";

/**
 * JSON with object keys sorted at every level, so that two bodies meaning the
 * same thing (`{"a":1,"b":2}` and `{"b":2,"a":1}`) have one text.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** SHA-256 of the canonical JSON of a request body: what "the same body" means for a key. */
export function fingerprintOf(body: unknown): string {
  return createHash("sha256").update(canonicalJson(body)).digest("hex");
}
