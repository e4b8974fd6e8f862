import type { Context } from "hono";
import type { z } from "zod";
import { ServiceError, validationFailed } from "../errors.ts";

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Reads a JSON body and validates it with a contract schema: a missing or
 * broken body, a non-JSON media type or a body that breaks the contract all
 * answer 4xx with a JSON error before any domain code runs.
 */
export async function readJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const contentType = c.req.header("content-type");
  if (contentType && !JSON_MEDIA_TYPE.test(contentType)) {
    throw new ServiceError("unsupported_media_type", `Send the body as application/json, not ${contentType}`);
  }
  const text = await c.req.text();
  if (text.trim() === "")
    throw new ServiceError("invalid_json", "The request body is empty; send a JSON object");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    throw new ServiceError("invalid_json", `The request body is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = await schema.safeParseAsync(body);
  if (!parsed.success) throw validationFailed(parsed.error.issues, "request body");
  return parsed.data;
}

/** Validates a path or query parameter with a contract schema (a malformed id is a 400, not a lookup). */
export function readParam<S extends z.ZodType>(schema: S, value: unknown, name: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw validationFailed(
      parsed.error.issues.map((i) => ({ ...i, path: [name, ...i.path] })),
      "parameter",
    );
  }
  return parsed.data;
}
