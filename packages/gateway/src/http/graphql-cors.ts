import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";

const EXPOSED = ["x-request-id", "retry-after"];

/**
 * CORS for /graphql: the browser apps' origins only, with credentials (the
 * admin's session cookie). Preflights are hono/cors's. On every other
 * request the headers are set before the handler runs, as headers of the
 * answer to come: hono/cors adds Vary after it, and a header added to a
 * finished answer makes Hono rebuild it around its body, which sends a text
 * body (a cached catalog answer, ~100 kB) through a web stream and a
 * TextEncoder instead of to the socket as it is.
 */
export function graphqlCors(origins: readonly string[]): MiddlewareHandler {
  const preflight = cors({
    origin: [...origins],
    allowMethods: ["GET", "POST", "OPTIONS"],
    allowHeaders: ["content-type", "authorization", "x-request-id"],
    credentials: true,
    exposeHeaders: EXPOSED,
    maxAge: 600,
  });
  const exposed = EXPOSED.join(",");
  return async (c, next) => {
    if (c.req.method === "OPTIONS") return preflight(c, next);
    const origin = c.req.header("origin");
    if (origin !== undefined && origins.includes(origin)) {
      c.header("access-control-allow-origin", origin);
      c.header("access-control-allow-credentials", "true");
      c.header("access-control-expose-headers", exposed);
    }
    c.header("vary", "Origin", { append: true });
    await next();
  };
}
