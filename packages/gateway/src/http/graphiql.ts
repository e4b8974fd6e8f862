import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Context, Env, MiddlewareHandler } from "hono";

/**
 * GraphiQL for people with a browser, in development only: GET /graphql asking
 * for HTML gets the page of a Vite build of GraphiQL (apps/gateway/graphiql:
 * GraphiQL 5 on the workspace's React 19) and /graphiql/* its assets, read
 * from disk: no CDN, so it works on a machine that reaches only the npm
 * registry. The app that runs the gateway passes the build's directory
 * outside production; without one none of this is routed.
 */
export const GRAPHIQL_ASSETS = "/graphiql/*";

/** A browser navigating to /graphql (HTML wanted, no query): show the explorer instead of an error. */
export function wantsGraphiql(c: Context): boolean {
  return (
    c.req.method === "GET" &&
    (c.req.header("accept") ?? "").includes("text/html") &&
    c.req.query("query") === undefined
  );
}

/** The page and its assets, served from `dir` (a Vite build with base /graphiql/). */
export function graphiqlRoutes(dir: string): {
  page: (c: Context) => Response;
  assets: (c: Context<Env, string>) => Promise<Response>;
} {
  const index = join(dir, "index.html");
  // Made on first use: the build may land after the gateway starts (pnpm dev builds it alongside).
  let files: MiddlewareHandler | undefined;
  return {
    page: (c) => {
      // Read per request: a rebuild (pnpm dev, pnpm start) needs no gateway restart.
      if (existsSync(index)) return c.html(readFileSync(index, "utf8"));
      return c.html(
        "<!doctype html><title>GraphiQL</title><p>GraphiQL is not built yet: " +
          "<code>pnpm --filter @shop/gateway-service build:graphiql</code> (pnpm dev and pnpm start build it).</p>",
        503,
      );
    },
    assets: async (c) => {
      if (files === undefined && existsSync(dir)) {
        files = serveStatic<Env>({
          root: dir,
          rewriteRequestPath: (path) => path.replace(/^\/graphiql/, ""),
        });
      }
      const res = await files?.(c, () => Promise.resolve());
      if (!res) return c.json({ error: "not_found", message: `No GraphiQL asset at ${c.req.path}` }, 404);
      // Vite names every asset by its content hash: a browser may keep it for good.
      res.headers.set("cache-control", "public, max-age=31536000, immutable");
      return res;
    },
  };
}
