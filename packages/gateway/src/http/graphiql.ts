import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Context } from "hono";

/**
 * GraphiQL for people with a browser: GET /graphql asking for HTML gets the
 * explorer. Its scripts are served from node_modules, not a CDN, so it works
 * on a machine that reaches only the npm registry.
 */
const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

const ASSETS: Record<string, { file: string; type: string }> = {
  "react.js": { file: join(packageDir("react"), "umd/react.production.min.js"), type: "text/javascript" },
  "react-dom.js": {
    file: join(packageDir("react-dom"), "umd/react-dom.production.min.js"),
    type: "text/javascript",
  },
  "graphiql.js": { file: join(packageDir("graphiql"), "graphiql.min.js"), type: "text/javascript" },
  "graphiql.css": { file: join(packageDir("graphiql"), "graphiql.min.css"), type: "text/css" },
};
const cache = new Map<string, string>();

export const GRAPHIQL_ASSET_PATH = "/graphiql/:asset";

export function serveGraphiqlAsset(c: Context): Response {
  const name = c.req.param("asset") ?? "";
  const asset = ASSETS[name];
  if (!asset) return c.json({ error: "not_found", message: `No GraphiQL asset ${name}` }, 404);
  let body = cache.get(name);
  if (body === undefined) {
    body = readFileSync(asset.file, "utf8");
    cache.set(name, body);
  }
  c.header("content-type", `${asset.type}; charset=utf-8`);
  c.header("cache-control", "public, max-age=86400");
  return c.body(body);
}

/** A browser navigating to /graphql (HTML wanted, no query): show the explorer instead of an error. */
export function wantsGraphiql(c: Context): boolean {
  return (
    c.req.method === "GET" &&
    (c.req.header("accept") ?? "").includes("text/html") &&
    c.req.query("query") === undefined
  );
}

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Shop GraphQL</title>
    <link rel="stylesheet" href="/graphiql/graphiql.css" />
    <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL…</div>
    <script src="/graphiql/react.js"></script>
    <script src="/graphiql/react-dom.js"></script>
    <script src="/graphiql/graphiql.js"></script>
    <script>
      const fetcher = GraphiQL.createFetcher({ url: "/graphql" });
      ReactDOM.createRoot(document.getElementById("graphiql")).render(
        React.createElement(GraphiQL, {
          fetcher,
          defaultQuery: "{\\n  products {\\n    id\\n    name\\n    priceCents\\n    stockQty\\n  }\\n}\\n",
        }),
      );
    </script>
  </body>
</html>`;

export const graphiqlPage = (c: Context) => c.html(PAGE);
