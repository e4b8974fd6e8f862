import type { ServerResponse } from "node:http";
import type { AnyTRPCRouter, TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { Context, Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { ServiceError } from "../errors.ts";
import type { ServiceTrpcContext } from "../trpc.ts";
import { actorOf } from "./request-context.ts";
import type { ServiceHonoEnv } from "./types.ts";

/**
 * The most calls one tRPC request may batch. The gateway's clients send at
 * most this many (their `maxItems`); an attacker's batch of 500 would
 * otherwise hold the database pool for everyone else.
 */
export const MAX_TRPC_BATCH = 10;

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** The request-scoped part of a tRPC context, taken from the Hono context the REST door uses too. */
export function requestScope(c: Context<ServiceHonoEnv>): ServiceTrpcContext {
  return {
    requestId: c.get("requestId"),
    log: c.get("log"),
    isAdmin: c.get("isAdmin"),
    actor: actorOf(c),
    audit: c.get("audit"),
  };
}

/**
 * What tRPC would otherwise answer on its own terms, checked before it runs
 * anything: the batch size (as a whole: no call of an oversized batch runs),
 * the method and the media type, each a 4xx with the `{error, message}` body.
 */
const trpcProtocolGuard = createMiddleware<ServiceHonoEnv>(async (c, next) => {
  const method = c.req.method;
  if (method !== "GET" && method !== "POST") {
    c.header("Allow", "GET, POST");
    throw new ServiceError(
      "method_not_allowed",
      `tRPC answers GET (queries) and POST (mutations), not ${method}`,
    );
  }
  const contentType = c.req.header("content-type");
  if (method === "POST" && contentType && !JSON_MEDIA_TYPE.test(contentType)) {
    throw new ServiceError(
      "unsupported_media_type",
      `Send tRPC calls as application/json, not ${contentType}`,
    );
  }
  const batch = c.req.query("batch");
  if (batch !== undefined && batch !== "0") {
    const paths = c.req.path.slice(c.req.path.indexOf("/trpc/") + "/trpc/".length).split(",");
    if (paths.length > MAX_TRPC_BATCH) {
      throw new ServiceError(
        "batch_too_large",
        `A tRPC batch may hold at most ${MAX_TRPC_BATCH} calls; this one holds ${paths.length}. Nothing ran.`,
        { max: MAX_TRPC_BATCH, calls: paths.length },
      );
    }
  }
  await next();
});

/** What tRPC may read of a request's body: Hono's reads, through its body cache. */
const BODY_READS = new Set<PropertyKey>(["arrayBuffer", "blob", "formData", "json", "text"]);

/**
 * The request as tRPC's fetch adapter reads it. As @hono/trpc-server does,
 * its body comes through Hono (read once, from Node's request where
 * request-body.ts can). Its `signal`, which tRPC reads on every call, is
 * one that aborts when the client goes away: asking @hono/node-server's
 * request for it would build a whole web Request (a third of a small
 * call's cost) for a signal alone.
 */
function requestForTrpc(c: Context<ServiceHonoEnv>): Request {
  const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  let signal: AbortSignal | undefined;
  const signalOf = (raw: Request): AbortSignal => {
    if (!outgoing || typeof outgoing.once !== "function") return raw.signal;
    if (!signal) {
      const controller = new AbortController();
      outgoing.once("close", () => {
        if (!outgoing.writableFinished) controller.abort();
      });
      signal = controller.signal;
    }
    return signal;
  };
  return new Proxy(c.req.raw, {
    get(target, property) {
      if (BODY_READS.has(property)) {
        return () => (c.req as unknown as Record<string, () => Promise<unknown>>)[property as string]!();
      }
      if (property === "signal") return signalOf(target);
      return Reflect.get(target, property, target) as unknown;
    },
  });
}

/** A procedure that failed on our side goes to the log, with its request id. */
function logFailure({ error, ctx, path }: { error: TRPCError; ctx?: unknown; path?: string | undefined }) {
  if (error.code === "INTERNAL_SERVER_ERROR" || error.code === "SERVICE_UNAVAILABLE") {
    const log = (ctx as ServiceTrpcContext | undefined)?.log;
    log?.error({ err: error.cause ?? error, path }, "tRPC procedure failed");
  }
}

/** Serves `router` at `/trpc`, behind the same request ids, limits and auth as the REST routes. */
export function mountTrpc<TRouter extends AnyTRPCRouter>(
  app: Hono<ServiceHonoEnv>,
  router: TRouter,
  createContext: (c: Context<ServiceHonoEnv>) => ServiceTrpcContext,
): void {
  app.use("/trpc/*", trpcProtocolGuard);
  app.use("/trpc/*", (c: Context<ServiceHonoEnv>) =>
    fetchRequestHandler({
      endpoint: "/trpc",
      router,
      req: requestForTrpc(c),
      // tRPC's own check, behind ours: the same number.
      maxBatchSize: MAX_TRPC_BATCH,
      createContext: () => createContext(c),
      onError: logFailure,
    }),
  );
}
