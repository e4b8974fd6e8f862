/**
 * HTTP from a chosen loopback source address (127.x.y.z all reach this
 * machine), so that one test process can be many clients to the gateway's
 * per-IP rate limit: HAProxy writes the address it saw into X-Forwarded-For.
 */
import { request } from "node:http";

export interface LocalAnswer {
  /** 0: no answer (refused, reset, timed out). */
  status: number;
  body: string;
  servedBy: string | undefined;
  failure?: string;
}

export function sendFrom(
  from: string,
  url: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<LocalAnswer> {
  const payload = init.body === undefined ? undefined : JSON.stringify(init.body);
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: init.method ?? "GET",
        localAddress: from,
        agent: false,
        headers: {
          ...(payload
            ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) }
            : {}),
          ...init.headers,
        },
        timeout: init.timeoutMs ?? 20_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
            servedBy: res.headers["x-served-by"] as string | undefined,
          }),
        );
        res.on("error", (err) => resolve({ status: 0, body: "", servedBy: undefined, failure: err.message }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", (err) => resolve({ status: 0, body: "", servedBy: undefined, failure: err.message }));
    req.end(payload);
  });
}

/** A different loopback address per call, for load that must not trip the per-IP limit. */
export function loopbackAddresses(): () => string {
  let n = 0;
  return () => {
    n = (n % 60_000) + 1;
    return `127.1.${Math.floor(n / 250)}.${(n % 250) + 1}`;
  };
}
