import { randomUUID } from "node:crypto";
import { createMiddleware } from "hono/factory";
import type { Logger } from "pino";
import { bearerToken, isAdminToken } from "../admin-token.ts";
import type { ServiceHonoEnv } from "./types.ts";

export const REQUEST_ID_HEADER = "x-request-id";
// Accept a caller's id only when it is short and plain, so it is safe in logs and headers.
const ACCEPTABLE_REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * Gives every request an id (the caller's `x-request-id`, or a new UUID),
 * echoes it in the response, hands handlers a logger that carries it, and
 * writes one log line per request when it completes.
 */
export function requestContext(log: Logger, adminToken: string | undefined) {
  return createMiddleware<ServiceHonoEnv>(async (c, next) => {
    const presented = c.req.header(REQUEST_ID_HEADER);
    const requestId = presented && ACCEPTABLE_REQUEST_ID.test(presented) ? presented : randomUUID();
    const requestLog = log.child({ requestId });
    c.set("requestId", requestId);
    c.set("log", requestLog);
    c.set(
      "isAdmin",
      adminToken !== undefined && isAdminToken(bearerToken(c.req.header("authorization")), adminToken),
    );
    c.header(REQUEST_ID_HEADER, requestId);

    const started = performance.now();
    await next();
    // Handlers that build their own Response (the tRPC adapter) drop headers
    // set on the context before them: echo the id on those too.
    if (!c.res.headers.has(REQUEST_ID_HEADER)) {
      c.res = new Response(c.res.body, c.res);
      c.res.headers.set(REQUEST_ID_HEADER, requestId);
    }
    const status = c.res.status;
    const line = {
      method: c.req.method,
      path: c.req.path,
      status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    };
    if (status >= 500) requestLog.error(line, "request failed");
    else requestLog.info(line, "request completed");
  });
}
