import { randomUUID } from "node:crypto";
import { REQUEST_ID_HEADER } from "@shop/contracts";
import { createMiddleware } from "hono/factory";
import type { Logger } from "pino";
import type { Context } from "hono";
import { identify, type Credentials } from "./service-credential.ts";
import type { ServiceHonoEnv } from "./types.ts";

export { REQUEST_ID_HEADER };
// Accept a caller's id only when it is short and plain, so it is safe in logs and headers.
const ACCEPTABLE_REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * Gives every request an id (the caller's `x-request-id`, or a new UUID),
 * echoes it in the response, hands handlers a logger that carries it, and
 * writes one log line per request when it completes.
 */
export function requestContext(log: Logger, credentials: Credentials) {
  return createMiddleware<ServiceHonoEnv>(async (c, next) => {
    const presented = c.req.header(REQUEST_ID_HEADER);
    const requestId = presented && ACCEPTABLE_REQUEST_ID.test(presented) ? presented : randomUUID();
    const requestLog = log.child({ requestId });
    c.set("requestId", requestId);
    c.set("log", requestLog);
    const { actor, isServiceCaller } = identify(c.req.raw.headers, credentials);
    c.set("actor", actor);
    c.set("isAdmin", actor !== undefined);
    c.set("isServiceCaller", isServiceCaller);
    c.header(REQUEST_ID_HEADER, requestId);

    const started = performance.now();
    await next();
    // Handlers that build their own Response (the tRPC adapter, graphql-http)
    // drop headers set on the context before them: echo the id on those too,
    // in place. Rebuilding the Response around its body would turn a text
    // body the node server writes as it is into a web stream read back chunk
    // by chunk (the cost of every tRPC and GraphQL answer).
    if (!c.res.headers.has(REQUEST_ID_HEADER)) {
      try {
        c.res.headers.set(REQUEST_ID_HEADER, requestId);
      } catch {
        // immutable headers (a fetch() answer passed through): copy it
        c.res = new Response(c.res.body, c.res);
        c.res.headers.set(REQUEST_ID_HEADER, requestId);
      }
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

/** Who acts on this request (undefined for shoppers and anyone unauthenticated). */
export const actorOf = (c: Context<ServiceHonoEnv>) => c.get("actor");
