import type { IncomingMessage } from "node:http";
import type { Context } from "hono";

/**
 * A request's body as text. Under @hono/node-server, `c.req.text()` first
 * builds a whole web Request around Node's request (a ReadableStream over
 * the socket, undici's header checks): a tenth of the gateway's CPU per
 * GraphQL request. When the body's length is declared (the body-limit
 * middleware has then already refused one too large from its headers, and
 * Node's parser reads exactly that many bytes) and no reader was ever given
 * it, it is read straight from Node's request instead. Anything else (a
 * chunked body, a body something else began to read, another runtime,
 * app.request() in tests) goes the standard way.
 */
export async function requestText(c: Context): Promise<string> {
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
    return c.req.text();
  }
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
