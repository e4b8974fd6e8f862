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

async function readText(incoming: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
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
      let text: Promise<string> | undefined;
      Object.defineProperty(c.req.bodyCache, "text", {
        get: () => (text ??= readText(incoming)),
        enumerable: true,
        configurable: true,
      });
    }
    await next();
  };
}
