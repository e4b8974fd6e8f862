import { listenForProductChanges } from "@shop/db";
import {
  chunksStream,
  createServiceApp,
  createServiceMetrics,
  type Logger,
  type Redis,
  type ServiceHonoEnv,
  type ServiceMetrics,
} from "@shop/service";
import {
  execute,
  getOperationAST,
  Kind,
  NoSchemaIntrospectionCustomRule,
  OperationTypeNode,
  validate,
  type DocumentNode,
  type ExecutionArgs,
} from "graphql";
import { createHandler, parseRequestParams, type Response as RawResponse } from "graphql-http";
import type { Context } from "hono";
import type { ContentfulStatusCode, StatusCode } from "hono/utils/http-status";
import { createContext, type GatewayContext } from "./context.ts";
import { csrfGuard, isHttps, sessionTokenOf, staffActorOf, type StaffDeps } from "./http/staff-session.ts";
import { formatGatewayError } from "./http/format-error.ts";
import { graphqlCors } from "./http/graphql-cors.ts";
import { GRAPHIQL_ASSETS, graphiqlRoutes, wantsGraphiql } from "./http/graphiql.ts";
import { answerBySlices } from "./http/answer-by-slices.ts";
import { CatalogResponseCache } from "./http/catalog-response-cache.ts";
import { documentCache } from "./http/document-cache.ts";
import { IMAGE_UPLOAD_ROUTE, mountImageProxy } from "./http/image-proxy.ts";
import { mutationFieldCount } from "./http/mutation-cost.ts";
import { clientIp, rateLimit, rateLimitedAnswer } from "./http/rate-limit.ts";
import { createSignInLimits } from "./http/sign-in-limits.ts";
import { schema } from "./schema/index.ts";
import { CatalogSource, watchKeyOf, type HeldCatalog } from "./services/catalog.ts";
import { CatalogPages } from "./services/catalog-pages.ts";
import { ProductNames } from "./services/product-names.ts";
import { SoldOutOrders } from "./services/sold-out-orders.ts";
import { createServiceClients, type ServiceFetch, type ServiceUrls } from "./services/clients.ts";

export interface GatewayDeps {
  log: Logger;
  serviceUrls: ServiceUrls;
  serviceTimeoutMs: number;
  corsOrigins: string[];
  rateLimitPerMinute: number;
  /** How many proxies of ours stand in front (TRUST_PROXY): which X-Forwarded-For entry is the client. */
  trustedProxyHops?: number;
  /** Shares the rate limits with every other gateway replica (REDIS_URL); absent: counted per process. */
  redis?: Redis;
  /** The service credential sent on every call to a service (SERVICE_TOKEN). */
  serviceToken: string;
  /**
   * NODE_ENV=production: no introspection, no "did you mean" suggestions, no
   * GraphiQL (a stranger learns nothing of the schema). Development keeps them.
   */
  production?: boolean;
  /** The admin token: the gateway names its bearer the machine actor (staff management, the audit log). */
  adminToken?: string;
  /** Staff accounts, sessions and the audit log, in the shop's database; off when absent. */
  staff?: StaffDeps;
  /** Route service calls elsewhere (tests: to in-process apps). */
  fetch?: ServiceFetch;
  /** Where /metrics numbers go; made here if absent. */
  metrics?: ServiceMetrics;
  /** Serve GraphiQL from this Vite build (development only; apps/gateway leaves it unset in production). */
  graphiqlDir?: string;
  /** Keep a long poll open to Inventory so the cached catalog is known current (apps/gateway/src/main.ts turns it on). */
  watchCatalog?: boolean;
  /**
   * A database URL to LISTEN on for product changes (a direct connection, not
   * PgBouncer): catalog pages are then kept and dropped per product
   * (CatalogPages). Absent: every page is asked of Inventory.
   */
  listenUrl?: string;
}

/** The gateway's HTTP app: /graphql (graphql-http; GraphiQL in a browser in development), health, limits, CORS. */
export function createGatewayApp(deps: GatewayDeps) {
  const metrics = deps.metrics ?? createServiceMetrics("gateway");
  const app = createServiceApp({
    name: "gateway",
    log: deps.log,
    ...(deps.adminToken ? { adminToken: deps.adminToken } : {}),
    metrics,
    // Ready means this gateway can take requests. A service that is down is
    // answered with a quick GraphQL error for its fields; taking every gateway
    // out of the load balancer for it would turn one outage into a total one.
    isReady: () => Promise.resolve(true),
    bodyLimits: [IMAGE_UPLOAD_ROUTE],
  });

  const catalog = new CatalogSource();
  const catalogPages = new CatalogPages();
  // Orders' sold-out gate, in front of Orders too; only while changes are heard.
  const soldOut = deps.listenUrl
    ? new SoldOutOrders(
        metrics.counter(
          "gateway_orders_refused_sold_out_total",
          "placeOrder refusals answered by the gateway: every product known sold out, Orders not asked",
        ),
      )
    : undefined;
  const stopListening = deps.listenUrl
    ? listenForProductChanges(
        deps.listenUrl,
        {
          onContentChange: (version) => {
            catalogPages.contentChanged(version);
            soldOut?.gate.contentChanged();
          },
          onStockChange: (ids) => catalogPages.stockChanged(ids),
          onSoldOutChange: (ids) => {
            catalogPages.soldOutChanged(ids);
            soldOut?.gate.soldOutChanged(ids);
          },
          onListening: (on) => {
            catalogPages.setListening(on);
            soldOut?.gate.setListening(on);
          },
        },
        deps.log,
      )
    : () => Promise.resolve();
  const productNames = new ProductNames();
  const responses = new CatalogResponseCache();
  const production = deps.production ?? false;
  const trustedHops = deps.trustedProxyHops ?? 0;
  const limit = rateLimit({
    perMinute: deps.rateLimitPerMinute,
    trustedHops,
    ...(deps.redis ? { redis: deps.redis } : {}),
  });
  const signInLimits = createSignInLimits(deps.redis);
  // graphql-http's own handler, its answers ([body, init]) sent by Hono's
  // c.body (see the route below).
  const documents = documentCache(
    production
      ? (s, document, rules, options) =>
          validate(s, document, [...(rules ?? []), NoSchemaIntrospectionCustomRule], {
            ...options,
            hideSuggestions: true,
          })
      : validate,
  );
  const run = production ? (args: ExecutionArgs) => execute({ ...args, hideSuggestions: true }) : execute;
  const handle = createHandler<GraphqlExchange, undefined, GatewayContext>({
    schema,
    parse: documents.parse,
    validate: documents.validate,
    execute: run,
    context: (req) => req.raw.context(),
    formatError: formatGatewayError,
    // A catalog-only query answered before, for the catalog version Inventory has now:
    // the same answer's JSON text, sent as it is (the spec's parsing and media types still apply).
    parseRequestParams: async (req) => {
      const params = await parseRequestParams(req);
      if (isResponse(params)) return params;
      // Every mutation field beyond the first spends another point of the
      // client's rate limit (the request itself spent one).
      if (params.query.includes("mutation")) {
        let fields = 0;
        try {
          fields = mutationFieldCount(documents.parse(params.query), params.operationName);
        } catch {
          // a syntax error: graphql-http answers it
        }
        const refused = await limit.spendMore(req.raw.c, fields - 1);
        if (refused) {
          const { retryAfter, body } = rateLimitedAnswer(deps.rateLimitPerMinute, refused);
          return [
            JSON.stringify(body),
            {
              status: 429,
              statusText: "Too Many Requests",
              headers: {
                "content-type": "application/json; charset=utf-8",
                "retry-after": String(retryAfter),
              },
            },
          ];
        }
      }
      const exchange = req.raw;
      if (!responses.isCatalogOnly(params.query, params.operationName)) return params;
      let held: HeldCatalog;
      try {
        held = catalog.known() ?? (await catalog.current(exchange.context()));
      } catch {
        return params; // Inventory trouble: execute normally, and the field reports it
      }
      if (held.oversized) {
        // Too large to hold, here or in Inventory: answered slice by slice, kept by nobody.
        let document: DocumentNode;
        try {
          document = documents.parse(params.query);
        } catch {
          return params; // graphql-http answers the syntax error
        }
        if (documents.validate(schema, document).length > 0) return params;
        const answer = await answerBySlices({
          schema,
          document,
          operationName: params.operationName,
          variables: params.variables,
          ctx: exchange.context(),
          execute: run,
        });
        if (!answer) return params;
        exchange.answer = answer;
        return ["", answeredOk(exchange.c)];
      }
      const key = CatalogResponseCache.keyOf(
        watchKeyOf(held),
        params.query,
        params.operationName,
        params.variables,
      );
      const cached = responses.get(key);
      if (cached === undefined) {
        exchange.responseKey = key;
        return params;
      }
      exchange.answer = cached;
      return ["", answeredOk(exchange.c)];
    },
    onOperation: (req, args, result) => {
      // Any mutation may have changed products: read-your-writes for the catalog.
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation === OperationTypeNode.MUTATION) {
        catalog.forget();
        // Kept pages too, unless only orders were placed: placeOrder drops the
        // pages of its own products, and under order load dropping every page
        // per order would keep none.
        const onlyOrders = operation.selectionSet.selections.every(
          (s) => s.kind === Kind.FIELD && s.name.value === "placeOrder",
        );
        if (!onlyOrders) catalogPages.contentChanged();
      }
      const key = req.raw.responseKey;
      if (key && !("next" in result)) responses.set(key, result);
      const errors = result.errors;
      if (errors?.length) {
        req.raw.c.get("log").warn({ errors: errors.map((e) => e.message) }, "GraphQL errors");
      }
    },
  });

  app.use("/graphql", graphqlCors(deps.corsOrigins));
  app.use("/graphql", limit.middleware);
  app.use("/graphql", csrfGuard(deps.corsOrigins));
  const stopWatching = deps.watchCatalog
    ? catalog.watch(
        () =>
          createServiceClients({
            urls: deps.serviceUrls,
            // The watch waits up to 25 s for a change by design.
            timeoutMs: 35_000,
            requestId: "catalog-watch",
            serviceToken: deps.serviceToken,
            ...(deps.fetch ? { fetch: deps.fetch } : {}),
          }),
        deps.log,
      )
    : () => undefined;
  mountImageProxy(app, {
    serviceUrls: deps.serviceUrls,
    corsOrigins: deps.corsOrigins,
    serviceTimeoutMs: deps.serviceTimeoutMs,
    serviceToken: deps.serviceToken,
    staffActorOf: (c) => staffActorOf(c, deps.staff),
    hasSession: (c) => sessionTokenOf(c) !== undefined,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  // GraphiQL is a development tool: never in production, whatever directory is given.
  const graphiql =
    production || deps.graphiqlDir === undefined ? undefined : graphiqlRoutes(deps.graphiqlDir);
  if (graphiql) app.get(GRAPHIQL_ASSETS, graphiql.assets);
  app.on(["GET", "POST"], "/graphql", async (c) => {
    if (graphiql && wantsGraphiql(c)) return graphiql.page(c);
    const authorization = c.req.header("authorization");
    // The admin token (checked by createServiceApp) is the machine actor; else the session's staff member.
    const actor = c.get("actor") ?? (await staffActorOf(c, deps.staff));
    const cookies: string[] = [];
    const identity = {
      actor,
      staff: deps.staff,
      sessionToken: sessionTokenOf(c),
      clientAddress: clientIp(c, trustedHops),
      signInLimits,
      setCookie: (value: string) => cookies.push(value),
      https: isHttps(c, trustedHops > 0),
    };
    let context: GatewayContext | undefined;
    const exchange: GraphqlExchange = {
      c,
      // Made only when something asks: a cached catalog answer needs none.
      context: () =>
        (context ??= createContext({
          log: c.get("log"),
          requestId: c.get("requestId"),
          catalog,
          catalogPages,
          productNames,
          ...(soldOut ? { soldOut } : {}),
          urls: deps.serviceUrls,
          timeoutMs: deps.serviceTimeoutMs,
          serviceToken: deps.serviceToken,
          identity,
          ...(actor?.kind === "staff" ? { actor } : {}),
          ...(authorization ? { authorization } : {}),
          ...(deps.fetch ? { fetch: deps.fetch } : {}),
        })),
    };
    const [body, init] = await handle({
      method: c.req.method,
      url: c.req.url,
      headers: c.req.raw.headers,
      // A JSON body of declared length comes straight from Node (createServiceApp).
      body: () => c.req.text(),
      raw: exchange,
      context: undefined,
    });
    // Sent with Hono's c.body, not as a Response built here: Hono rebuilds a
    // handler's Response around its body to add the headers middleware set,
    // and a text body (a cached catalog answer is ~100 kB) then goes out
    // through a web stream and a TextEncoder instead of to the socket as it is.
    for (const cookie of cookies) c.header("set-cookie", cookie, { append: true });
    const headers = init.headers;
    const answer = exchange.answer;
    if (answer) return c.body(answer instanceof Uint8Array ? answer : chunksStream(answer), 200, headers);
    return body === null
      ? c.body(null, init.status as StatusCode, headers)
      : c.body(body, init.status as ContentfulStatusCode, headers);
  });
  return Object.assign(app, {
    close: async () => {
      stopWatching();
      await stopListening();
    },
  });
}

const isResponse = (value: unknown): value is RawResponse => Array.isArray(value);

/**
 * One /graphql request as graphql-http carries it (its `raw`) to the hooks
 * above. It is a plain object, not a WeakMap entry keyed by the request: V8's
 * young-generation collections keep a WeakMap's values alive, so every
 * request's objects outlived them (collections of 4-5 ms instead of 0.5).
 */
interface GraphqlExchange {
  c: Context<ServiceHonoEnv>;
  /** The resolvers' context, made on first use. */
  context: () => GatewayContext;
  /** Where this catalog-only answer is kept once executed (a cache miss). */
  responseKey?: string;
  /**
   * A catalog-only answer made before execution: the kept one (a cache hit),
   * or an oversized catalog's, in the pieces it was made in. The route sends
   * these bytes.
   */
  answer?: Uint8Array<ArrayBuffer> | Uint8Array<ArrayBuffer>[];
}

/** graphql-http's [body, init] for an answer the route sends itself, in the media type the client asked for. */
function answeredOk(c: Context<ServiceHonoEnv>): RawResponse[1] {
  const accept = c.req.header("accept") ?? "";
  const type = accept.includes("application/graphql-response+json")
    ? "application/graphql-response+json; charset=utf-8"
    : "application/json; charset=utf-8";
  return { status: 200, statusText: "OK", headers: { "content-type": type } };
}
