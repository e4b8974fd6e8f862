import { GraphiQL, type GraphiQLProps } from "graphiql";
import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./page.css";

/** POSTs to the gateway that served this page, with the headers typed in GraphiQL's editor. */
const fetcher: GraphiQLProps["fetcher"] = async (params, options) => {
  const res = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...options?.headers },
    body: JSON.stringify(params),
    signal: AbortSignal.timeout(30_000),
  });
  return (await res.json()) as Record<string, unknown>;
};

const DEFAULT_QUERY = `{
  products {
    id
    name
    priceCents
    stockQty
  }
}
`;

const root = document.getElementById("graphiql");
if (!root) throw new Error("index.html has no #graphiql element");
createRoot(root).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} />
  </StrictMode>,
);
