import autocannon from "autocannon";
import { build as buildHistogram } from "hdr-histogram-js";

/** One measured row: the same shape whatever produced the load. */
export interface Measurement {
  requests: number;
  errors: number;
  /** Answers that were not 2xx (counted, and reported: a fast error is not throughput). */
  non2xx: number;
  durationS: number;
  rps: number;
  p50Ms: number;
  /** The 97.5th percentile (autocannon's nearest above the 95th): an upper bound of p95. */
  p975Ms: number;
  p99Ms: number;
  /** Answers by HTTP status (HTTP rows only). */
  statusCodes?: Record<string, number>;
  /** What the run must have shown besides its speed (the flash sale's verdict). */
  check?: string;
}

export interface LoadOptions {
  connections: number;
  durationS: number;
}

/** A request for autocannon: method, path, headers and a body made fresh per request. */
export interface HttpTarget {
  url: string;
  method: "GET" | "POST";
  headers?: Record<string, string>;
  body?: () => string;
}

/** HTTP load with autocannon: `connections` keep-alive connections for `durationS` seconds. */
export async function httpLoad(target: HttpTarget, options: LoadOptions): Promise<Measurement> {
  const makeBody = target.body;
  const result = await autocannon({
    url: target.url,
    connections: options.connections,
    duration: options.durationS,
    method: target.method,
    headers: { ...target.headers },
    requests: makeBody ? [{ setupRequest: (req) => ({ ...req, body: makeBody() }) }] : undefined,
  });
  return {
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    durationS: result.duration,
    rps: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p975Ms: result.latency.p97_5,
    p99Ms: result.latency.p99,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count ?? 0]),
    ),
  };
}

/**
 * The same measurement for work that is not HTTP (a transaction sent straight
 * to PostgreSQL): `connections` workers each running `work` back to back.
 */
export async function workLoad(work: () => Promise<void>, options: LoadOptions): Promise<Measurement> {
  const histogram = buildHistogram({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000 });
  const deadline = performance.now() + options.durationS * 1000;
  let requests = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          await work();
          requests++;
        } catch {
          errors++;
        }
        histogram.recordValue(Math.max(1, Math.round((performance.now() - t0) * 1000))); // µs
      }
    }),
  );
  const durationS = (performance.now() - started) / 1000;
  return {
    requests,
    errors,
    non2xx: 0,
    durationS,
    rps: requests / durationS,
    p50Ms: histogram.getValueAtPercentile(50) / 1000,
    p975Ms: histogram.getValueAtPercentile(97.5) / 1000,
    p99Ms: histogram.getValueAtPercentile(99) / 1000,
  };
}
