import type { ServiceFetch, ServiceName } from "../src/services/clients.ts";

/**
 * Services at the edge, faked: each procedure is a function of its input.
 * They speak tRPC's batch wire format (GET ?batch=1&input=..., POST body
 * {"0": input}, an array of {result: {data}} or {error}), so the gateway's
 * real clients, links and resolvers run unchanged over them.
 */
export type FakeProcedure = (input: unknown) => unknown; // may return a promise

export class FakeServiceError extends Error {
  constructor(
    readonly error: string,
    readonly httpStatus: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface FakeCall {
  service: ServiceName;
  path: string;
  input: unknown;
  headers: Headers;
}

export function fakeServices(
  procedures: Partial<Record<ServiceName, Record<string, FakeProcedure>>>,
  options: { down?: ServiceName[]; hang?: ServiceName[] } = {},
) {
  const calls: FakeCall[] = [];
  const requests: Array<{ service: ServiceName; url: string }> = [];
  const fetch: ServiceFetch = async (service, url, init) => {
    requests.push({ service, url });
    if (options.down?.includes(service)) throw new TypeError("fetch failed: connect ECONNREFUSED");
    if (options.hang?.includes(service)) {
      return new Promise<Response>((_resolve, reject) => {
        init.signal?.addEventListener("abort", () =>
          reject(new Error("aborted", { cause: init.signal?.reason })),
        );
      });
    }
    const parsed = new URL(url);
    const paths = decodeURIComponent(parsed.pathname.replace(/^\/trpc\//, "")).split(",");
    const rawInput =
      init.method === "POST" ? (init.body as string) : (parsed.searchParams.get("input") ?? "{}");
    const inputs = JSON.parse(rawInput) as Record<string, unknown>;
    const headers = new Headers(init.headers);
    const results = await Promise.all(
      paths.map(async (path, i) => {
        const input = inputs[String(i)];
        calls.push({ service, path, input, headers });
        const procedure = procedures[service]?.[path];
        try {
          if (!procedure) throw new FakeServiceError("not_found", 404, `no fake for ${service} ${path}`);
          return { result: { data: await procedure(input) } };
        } catch (err) {
          if (!(err instanceof FakeServiceError)) throw err;
          return {
            error: {
              message: err.message,
              code: -32600,
              data: { httpStatus: err.httpStatus, error: err.error, details: err.details, path },
            },
          };
        }
      }),
    );
    return new Response(JSON.stringify(results), {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  };
  return { fetch, calls, requests };
}
