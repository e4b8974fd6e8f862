import { fileURLToPath } from "node:url";

/**
 * Where GraphiQL's page is built: graphiql/dist/ beside this app's src/
 * (`pnpm --filter @shop/gateway-service build:graphiql`, which `pnpm dev` and
 * `pnpm start` run when stale). graphiql and React are this app's
 * devDependencies, so a production install has neither.
 */
export const GRAPHIQL_BUILD_DIR = fileURLToPath(new URL("../graphiql/dist", import.meta.url));

/** GraphiQL is a development tool: no build directory, so no GraphiQL, in production. */
export function graphiqlDirFor(env: { production: boolean }): string | undefined {
  return env.production ? undefined : GRAPHIQL_BUILD_DIR;
}
