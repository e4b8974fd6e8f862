import type { IncomingMessage } from "node:http";
import type { Context, MiddlewareHandler } from "hono";

/**
 * Under @hono/node-server, the first read of a body (`c.req.text()`,
 * `c.req.json()`, a validator's) builds a whole web Request around Node's
 * request: a ReadableStream over the socket and undici's header checks, a
 * tenth of a service's CPU per request. When the body's length is declared
 * (the body limit has then already refused one too large from its headers,
 * and Node's parser reads exactly that many bytes) and nothing has begun to
 * read it, it is read straight from Node's request instead. Anything else (a
 * chunked body, a body something else began to read, another runtime,
 * app.request() in tests) goes the standard way.
 */
function unreadDeclaredBody(c: Context): IncomingMessage | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (
    !incoming ||
    incoming.headers["content-length"] === undefined ||
    incoming.headers["transfer-encoding"] !== undefined ||
    // Read from, or handed to a reader (the web Request's stream attaches one): not ours to read.
    incoming.readableDidRead ||
    incoming.readableFlowing !== null ||
    incoming.listenerCount("data") > 0 ||
    incoming.listenerCount("readable") > 0
  ) {
    return undefined;
  }
  return incoming;
}

/**
 * The body as text, read with plain listeners: `for await` over the request
 * (an async iterator and a stream-finished watcher per request) was 9% of a
 * refused order's CPU in a flash sale. A request that ends before its body
 * does (the client went away) rejects, as the iterator did.
 */
function readText(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.once("end", () => {
      resolve(chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8"));
    });
    incoming.once("error", reject);
    incoming.once("close", () => {
      if (!incoming.readableEnded) reject(new Error("the request was closed before its body was read"));
    });
  });
}

/** Where the shared getter below finds a request's Node message and its text, once read. */
const INCOMING = Symbol("incoming");
const TEXT = Symbol("text");
interface NodeBodyCache {
  [INCOMING]: IncomingMessage;
  [TEXT]?: Promise<string>;
}

/**
 * The `text` entry of every such body cache: one function for all requests,
 * reading `this` (the request's cache). A getter made per request (a closure
 * over its message) gave each request's cache a hidden class of its own, and
 * V8 keeps those in the old generation: through them every request's objects
 * outlived the young generation's collections until a full one. A refused
 * order or a cached GraphQL answer spent about half its CPU in the GC (young
 * collections of 4-6 ms instead of 0.5).
 */
function readNodeText(this: NodeBodyCache): Promise<string> {
  return (this[TEXT] ??= readText(this[INCOMING]));
}

/**
 * Lets every JSON body a route reads (`c.req.json()`, the zod validators)
 * come straight from Node's request: Hono reads bodies through its
 * per-request cache, so a lazy `text` entry there is what they all use. Only
 * JSON: a multipart upload is binary and keeps the standard way.
 */
export function readJsonBodiesFromNode(): MiddlewareHandler {
  return async (c, next) => {
    const type = c.req.header("content-type");
    const incoming = type?.startsWith("application/json") ? unreadDeclaredBody(c) : undefined;
    if (incoming) {
      const cache = c.req.bodyCache as typeof c.req.bodyCache & NodeBodyCache;
      cache[INCOMING] = incoming;
      Object.defineProperty(cache, "text", { get: readNodeText, enumerable: true, configurable: true });
    }
    await next();
  };
}
