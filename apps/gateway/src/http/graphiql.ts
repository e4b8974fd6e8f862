import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Context, Env, MiddlewareHandler } from "hono";

/**
 * GraphiQL for people with a browser, in development only: GET /graphql asking
 * for HTML gets the page in graphiql/ (GraphiQL 5 on the workspace's React 19,
 * built by Vite into graphiql/dist/: `pnpm --filter @shop/gateway build:graphiql`,
 * which `pnpm dev` and `pnpm start` run when stale) and /graphiql/* its assets,
 * read from disk: no CDN, so it works on a machine that reaches only the npm
 * registry. In production no directory is passed and none of this is routed;
 * graphiql and React are devDependencies, so a production install lacks them.
 */
export const GRAPHIQL_ASSETS = "/graphiql/*";

/** Where the page's build lands: this package's graphiql/dist/. */
export const GRAPHIQL_BUILD_DIR = fileURLToPath(new URL("../../graphiql/dist", import.meta.url));

/** GraphiQL is a development tool: no build directory, so no GraphiQL, in production. */
export function graphiqlDirFor(env: { production: boolean }): string | undefined {
  return env.production ? undefined : GRAPHIQL_BUILD_DIR;
}

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
          "<code>pnpm --filter @shop/gateway build:graphiql</code> (pnpm dev and pnpm start build it).</p>",
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
