import { Agent, request, type Dispatcher } from "undici";
import type { ServiceFetch } from "./clients.ts";

/**
 * How the gateway's tRPC clients reach the services: undici's request() over
 * one keep-alive pool per service origin, not Node's fetch. fetch is the
 * whole WHATWG machinery (a Request, header validation, a web stream for
 * every body) and was a fifth of the gateway's CPU per GraphQL request; a
 * tRPC call needs a status and a JSON body. The answer is a Response in the
 * shape the clients read (status, ok, headers, json, text), the body read
 * under the call's signal, so the per-call timeout still covers it.
 */
const services = new Agent({ keepAliveTimeout: 30_000 });

export const requestService: ServiceFetch = async (_service, url, init) => {
  const answer = await request(url, {
    method: init.method ?? "GET",
    headers: init.headers,
    body: init.body as string | undefined,
    signal: init.signal ?? undefined,
    dispatcher: services,
  });
  return new ServiceAnswer(answer) as unknown as Response;
};

/** The part of a Response tRPC's links and the gateway's tracing read. */
class ServiceAnswer {
  readonly status: number;
  readonly #answer: Dispatcher.ResponseData;
  #headers: Headers | undefined;

  constructor(answer: Dispatcher.ResponseData) {
    this.status = answer.statusCode;
    this.#answer = answer;
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  get headers(): Headers {
    if (!this.#headers) {
      this.#headers = new Headers();
      for (const [name, value] of Object.entries(this.#answer.headers)) {
        for (const one of Array.isArray(value) ? value : [value])
          if (one !== undefined) this.#headers.append(name, one);
      }
    }
    return this.#headers;
  }

  json(): Promise<unknown> {
    return this.#answer.body.json();
  }

  text(): Promise<string> {
    return this.#answer.body.text();
  }
}
