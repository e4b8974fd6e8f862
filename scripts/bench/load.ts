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
  /** The 95th percentile, from every request's latency (the issues' latency goals are p95). */
  p95Ms: number;
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

/** Every latency of a run, in µs: the percentiles come from all of them, not from buckets. */
const latencies = () => buildHistogram({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000 });
type Latencies = ReturnType<typeof latencies>;
const percentiles = (h: Latencies) => ({
  p50Ms: h.getValueAtPercentile(50) / 1000,
  p95Ms: h.getValueAtPercentile(95) / 1000,
  p99Ms: h.getValueAtPercentile(99) / 1000,
});

/** HTTP load with autocannon: `connections` keep-alive connections for `durationS` seconds. */
export async function httpLoad(target: HttpTarget, options: LoadOptions): Promise<Measurement> {
  const makeBody = target.body;
  const histogram = latencies();
  // autocannon reports fixed percentiles (p97.5, not p95): each answer's time is recorded here too.
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        connections: options.connections,
        duration: options.durationS,
        method: target.method,
        headers: { ...target.headers },
        requests: makeBody ? [{ setupRequest: (req) => ({ ...req, body: makeBody() }) }] : undefined,
      },
      (err, done) => (err ? reject(err as Error) : resolve(done)),
    );
    instance.on("response", (_client, _status, _bytes, responseTimeMs) => {
      histogram.recordValue(Math.max(1, Math.round(responseTimeMs * 1000)));
    });
  });
  return {
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    durationS: result.duration,
    rps: result.requests.total / result.duration,
    ...percentiles(histogram),
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
  const histogram = latencies();
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
    ...percentiles(histogram),
  };
}
