import { OpenAPIHono, type Hook } from "@hono/zod-openapi";
import { ErrorBody, Uuid, type Permission } from "@shop/contracts";
import type { Context, TypedResponse } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import { validationFailed } from "../errors.ts";
import { requires } from "./admin-only.ts";
import type { ServiceHonoEnv } from "./types.ts";

/**
 * Every REST route is declared once with `createRoute` (method, path, the
 * contract schemas of its params, headers, body and answers) and registered
 * with `routes.openapi(route, handler)`: the same declaration validates the
 * request, types the handler and writes the OpenAPI document. These are the
 * pieces every service's declarations share.
 */
export { createRoute } from "@hono/zod-openapi";

/** Where a validator found the problem, as the error message names it. */
const WHAT_FAILED: Record<string, string> = {
  json: "request body",
  param: "parameter",
  query: "parameter",
  header: "header",
};

/** A request that breaks its route's schemas answers 400 validation_failed, naming each field. */
export const throwValidationFailed: Hook<unknown, ServiceHonoEnv, string, undefined> = (result) => {
  if (!result.success) throw validationFailed(result.error.issues, WHAT_FAILED[result.target] ?? "request");
};

/** The REST routes of one service: declared routes whose bad input answers like every other error. */
export function restRoutes(): OpenAPIHono<ServiceHonoEnv> {
  return new OpenAPIHono<ServiceHonoEnv>({ defaultHook: throwValidationFailed });
}

export type RestRoutes = OpenAPIHono<ServiceHonoEnv>;

/** A JSON body or answer of `schema`. */
export const jsonContent = <S extends z.ZodType>(schema: S) => ({
  content: { "application/json": { schema } },
});

/** The request body a route needs: JSON of `schema` (415 for another media type, 400 for broken JSON). */
export const jsonBody = <S extends z.ZodType>(schema: S) => ({ ...jsonContent(schema), required: true });

/** An answer with a JSON body. */
export const jsonAnswer = <S extends z.ZodType>(description: string, schema: S) => ({
  description,
  ...jsonContent(schema),
});

/** An error answer: `{error, message, details?}`. */
export const errorAnswer = (description: string) => jsonAnswer(description, ErrorBody);

/** The `{id}` path parameter of one resource. */
export const IdParams = z.object({ id: Uuid });

/** The security scheme admin routes name in the document. */
export const ADMIN_TOKEN_SCHEME = "adminToken";

/**
 * Spread into an admin route's declaration: who acts must be allowed
 * `permission` (401 nobody, 403 the wrong role, before any validation), and
 * the document says so.
 */
export const adminRoute = (permission: Permission) => ({
  security: [{ [ADMIN_TOKEN_SCHEME]: [] }],
  middleware: [requires(permission)],
  description: `Needs the admin token, or a signed-in staff member allowed ${permission}.`,
});

/**
 * Sends JSON the contract already describes (a catalog serialised and
 * encoded once per change, an idempotent answer replayed byte for byte, a
 * large catalog's bytes in the pieces PostgreSQL wrote) as a typed answer.
 * Bytes (jsonBytes) go out as they are: text is measured and encoded again
 * for every response.
 */
export function sendJsonText<S extends ContentfulStatusCode>(
  c: Context,
  json: string | Uint8Array<ArrayBuffer> | readonly Uint8Array<ArrayBuffer>[],
  status: S,
): TypedResponse<never, S, "json"> {
  c.header("content-type", "application/json; charset=UTF-8");
  // The declaration's schema describes `json`; Hono cannot see through text or bytes.
  const body = typeof json === "string" || json instanceof Uint8Array ? json : chunksStream(json);
  return c.body(body, status) as unknown as TypedResponse<never, S, "json">;
}

/** Bytes kept in pieces, sent one after another, each let go once handed on. */
export function chunksStream(chunks: readonly Uint8Array<ArrayBuffer>[]): ReadableStream<Uint8Array> {
  const pending = [...chunks];
  return new ReadableStream({
    pull(controller) {
      const chunk = pending.shift();
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
  });
}

/** A value's JSON as UTF-8 bytes: what an answer kept to be sent many times is kept as. */
export const jsonBytes = (value: unknown): Uint8Array<ArrayBuffer> =>
  new TextEncoder().encode(JSON.stringify(value));

export interface OpenApiInfo {
  title: string;
  description: string;
  version?: string;
}

/** Serves the OpenAPI 3.1 document of every route declared on `app` (and the apps routed into it). */
export function serveOpenApiDocument(app: OpenAPIHono<ServiceHonoEnv>, info: OpenApiInfo): void {
  let document: unknown;
  app.get("/openapi.json", (c) => {
    document ??= buildDocument(app, info);
    return c.json(document as object);
  });
}

function buildDocument(app: OpenAPIHono<ServiceHonoEnv>, info: OpenApiInfo) {
  const usesAdminToken = app.openAPIRegistry.definitions.some(
    (d) => d.type === "route" && d.route.security?.some((s) => ADMIN_TOKEN_SCHEME in s),
  );
  if (usesAdminToken) {
    app.openAPIRegistry.registerComponent("securitySchemes", ADMIN_TOKEN_SCHEME, {
      type: "http",
      scheme: "bearer",
      description: "ADMIN_TOKEN",
    });
  }
  return app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: { version: "1.0.0", ...info },
  });
}
