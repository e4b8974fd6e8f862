import { trpcServer } from "@hono/trpc-server";
import type { AnyTRPCRouter } from "@trpc/server";
import type { Context, Hono } from "hono";
import type { ServiceTrpcContext } from "../trpc.ts";
import type { ServiceHonoEnv } from "./types.ts";

/** The request-scoped part of a tRPC context, taken from the Hono context the REST door uses too. */
export function requestScope(c: Context<ServiceHonoEnv>): ServiceTrpcContext {
  return { requestId: c.get("requestId"), log: c.get("log"), isAdmin: c.get("isAdmin") };
}

/** Serves `router` at `/trpc`, behind the same request ids, limits and auth as the REST routes. */
export function mountTrpc<TRouter extends AnyTRPCRouter>(
  app: Hono<ServiceHonoEnv>,
  router: TRouter,
  createContext: (c: Context<ServiceHonoEnv>) => ServiceTrpcContext,
): void {
  app.use(
    "/trpc/*",
    trpcServer({
      endpoint: "/trpc",
      router,
      // @hono/trpc-server types the context as a plain record.
      createContext: (_opts, c) =>
        createContext(c as Context<ServiceHonoEnv>) as unknown as Record<string, unknown>,
      onError({ error, ctx, path }) {
        if (error.code === "INTERNAL_SERVER_ERROR" || error.code === "SERVICE_UNAVAILABLE") {
          const log = (ctx as ServiceTrpcContext | undefined)?.log;
          log?.error({ err: error.cause ?? error, path }, "tRPC procedure failed");
        }
      },
    }),
  );
}
