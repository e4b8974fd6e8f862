/**
 * Helpers for tests that run a service's Hono app in-process (no socket):
 * what every app's test harness would otherwise write again.
 */
/** The service credential tests give every app they wire together. */
export const TEST_SERVICE_TOKEN = "test-service-token-0123456789";

export interface InProcessApp {
  request(input: string | Request, init?: RequestInit): Response | Promise<Response>;
}

export interface JsonRequestOptions {
  /** Sent as JSON (content-type set unless given). */
  body?: unknown;
  /** Sent as it is: broken JSON, a form, an empty body. */
  rawBody?: string;
  headers?: Record<string, string>;
  /** Sent as `Authorization: Bearer <token>`. */
  bearer?: string;
  /** Sent as the `Idempotency-Key` header. */
  idempotencyKey?: string;
}

export interface JsonAnswer {
  status: number;
  /** The body exactly as sent, for byte-for-byte comparisons. */
  text: string;
  body: unknown;
  headers: Headers;
}

/** One request through the app: status, the body as text and parsed, and the headers. */
export async function requestJson(
  app: InProcessApp,
  method: string,
  path: string,
  options: JsonRequestOptions = {},
): Promise<JsonAnswer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.bearer !== undefined) headers.authorization = `Bearer ${options.bearer}`;
  if (options.idempotencyKey !== undefined) headers["idempotency-key"] = options.idempotencyKey;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const res = await app.request(path, { method, headers, body });
  const text = await res.text();
  return {
    status: res.status,
    text,
    body: text ? (JSON.parse(text) as unknown) : undefined,
    headers: res.headers,
  };
}

/** A fetch that sends every request to the app (for tRPC links and service clients in tests). */
export const inProcessFetch =
  (app: InProcessApp) =>
  async (url: string | URL | Request, init?: RequestInit): Promise<Response> =>
    app.request(url instanceof Request ? url : url.toString(), init);

interface RoutedApp extends InProcessApp {
  routes: ReadonlyArray<{ method: string; path: string }>;
}

/**
 * The `METHOD /path` of every route the app answers that its OpenAPI
 * document does not list (middleware, `/trpc/*` and the document itself
 * aside): a route added with plain `app.get` instead of a declaration.
 */
export async function undeclaredRoutes(
  app: RoutedApp,
  headers: Record<string, string> = {},
): Promise<string[]> {
  const res = await app.request("/openapi.json", { headers });
  const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
  const declared = new Set(
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.replaceAll(/\{(\w+)\}/g, ":$1")}`),
    ),
  );
  const answered = app.routes
    .filter((r) => r.method !== "ALL" && r.path !== "/openapi.json")
    .map((r) => `${r.method} ${r.path}`);
  return [...new Set(answered)].filter((route) => !declared.has(route));
}
export { postChunked } from "./post-chunked.ts";
