import { readProc, treeOf } from "./proc.ts";

/**
 * Peak memory of the bench's processes, sampled once a second over the run:
 * each Node service's peak RSS (the kernel's high-water mark, VmHWM), and
 * PostgreSQL's peak total over its server and backends as PSS (each shared
 * page counted once, split between the processes that map it; their RSS
 * would count shared_buffers once per backend).
 */
export interface MemoryPeaks {
  /** MiB, per name. */
  peaks: Map<string, number>;
  /** MiB at the first sample (the processes started, no load yet), per name. */
  atStart: Map<string, number>;
  stop(): void;
}

const kib = (text: string, field: string) =>
  Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? 0);

export function sampleMemory(nodes: Map<string, number>, postgresPid: number | undefined): MemoryPeaks {
  const peaks = new Map<string, number>();
  const keep = (name: string, mib: number) => peaks.set(name, Math.max(peaks.get(name) ?? 0, mib));
  const sample = () => {
    for (const [name, pid] of nodes) keep(name, kib(readProc(`/proc/${pid}/status`), "VmHWM") / 1024);
    if (postgresPid !== undefined) {
      const pss = treeOf(postgresPid).reduce(
        (sum, pid) => sum + kib(readProc(`/proc/${pid}/smaps_rollup`), "Pss"),
        0,
      );
      keep("PostgreSQL (all processes, PSS)", pss / 1024);
    }
  };
  sample();
  // What each process holds once started: its resident set now, not the high-water mark of starting.
  const atStart = new Map(
    [...nodes].map(([name, pid]) => [name, kib(readProc(`/proc/${pid}/status`), "VmRSS") / 1024]),
  );
  atStart.set("PostgreSQL (all processes, PSS)", peaks.get("PostgreSQL (all processes, PSS)") ?? 0);
  const timer = setInterval(sample, 1_000);
  return {
    peaks,
    atStart,
    stop() {
      sample();
      clearInterval(timer);
    },
  };
}
