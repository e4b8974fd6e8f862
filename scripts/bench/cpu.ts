import { statFields, treeOf } from "./proc.ts";

/**
 * CPU time each process of the bench spent, read from /proc: on a machine
 * whose cores the load generator, the services and PostgreSQL share, a
 * row's throughput moves with whatever else runs, but the CPU a request
 * costs each process moves much less. Divided by a row's requests, it says
 * which process a path spends its time in.
 */
const TICKS_PER_S = 100; // USER_HZ: 100 on every Linux this runs on

/** utime + stime of one process, in ms (fields 14 and 15 of its stat). */
function cpuMsOf(pid: number): number {
  const fields = statFields(pid);
  return ((Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * 1000) / TICKS_PER_S;
}

/** CPU ms so far of each process, by name and pid (PostgreSQL: the server and each backend). */
export type CpuReading = Map<string, Map<number, number>>;

/** Each named Node process, PostgreSQL (the server and its backends) and the bench itself (the load generator). */
export function cpuTimes(nodes: Map<string, number>, postgresPid: number | undefined): CpuReading {
  const reading: CpuReading = new Map();
  for (const [name, pid] of nodes) reading.set(name, new Map([[pid, cpuMsOf(pid)]]));
  if (postgresPid !== undefined) {
    const pids = treeOf(postgresPid);
    reading.set("PostgreSQL", new Map(pids.map((pid) => [pid, cpuMsOf(pid)])));
  }
  const self = process.cpuUsage();
  reading.set("load generator", new Map([[process.pid, (self.user + self.system) / 1000]]));
  return reading;
}

/**
 * µs of CPU per request of each process between two readings (those that
 * spent at least 1 µs a request). Counted per pid: a backend that started
 * meanwhile counts whole, one that ended meanwhile is not counted (its
 * parent's tally of reaped children would add its whole life, the rows
 * before this one's work included, to this row).
 */
export function cpuPerRequest(
  before: CpuReading,
  after: CpuReading,
  requests: number,
): Array<[string, number]> {
  if (requests <= 0) return [];
  return [...after]
    .map(([name, pids]): [string, number] => {
      let ms = 0;
      for (const [pid, now] of pids) ms += now - (before.get(name)?.get(pid) ?? 0);
      return [name, (ms * 1000) / requests];
    })
    .filter(([, us]) => us >= 1);
}
