import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU time each process of the bench spent, read from /proc: on a machine
 * whose cores the load generator, the services and PostgreSQL share, a
 * row's throughput moves with whatever else runs, but the CPU a request
 * costs each process moves much less. Divided by a row's requests, it says
 * which process a path spends its time in.
 */
const TICKS_PER_S = 100; // USER_HZ: 100 on every Linux this runs on

function read(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return ""; // the process has gone
  }
}

/** utime + stime (+ the reaped children's, for a parent of exited backends) in ms. */
function cpuMsOf(pid: number, withChildren: boolean): number {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return 0;
  // pid (comm) state ppid ...: comm may hold spaces, so count fields after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = (i: number) => Number(fields[i - 3] ?? 0);
  const own = ticks(14) + ticks(15);
  return ((withChildren ? own + ticks(16) + ticks(17) : own) * 1000) / TICKS_PER_S;
}

function childrenOf(root: number): number[] {
  const kids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = read(`/proc/${pid}/stat`);
    if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === root) kids.push(pid);
  }
  return kids;
}

/** CPU ms so far of each named Node process, of PostgreSQL (the server and its backends) and of the bench itself (the load generator). */
export function cpuTimes(nodes: Map<string, number>, postgresPid: number | undefined): Map<string, number> {
  const times = new Map<string, number>();
  for (const [name, pid] of nodes) times.set(name, cpuMsOf(pid, false));
  if (postgresPid !== undefined) {
    const backends = childrenOf(postgresPid).reduce((sum, pid) => sum + cpuMsOf(pid, false), 0);
    times.set("PostgreSQL", cpuMsOf(postgresPid, true) + backends);
  }
  const self = process.cpuUsage();
  times.set("load generator", (self.user + self.system) / 1000);
  return times;
}

/** µs of CPU per request of each process between two readings (those that spent at least 1 µs a request). */
export function cpuPerRequest(
  before: Map<string, number>,
  after: Map<string, number>,
  requests: number,
): Array<[string, number]> {
  if (requests <= 0) return [];
  return [...after]
    .map(([name, ms]): [string, number] => [name, ((ms - (before.get(name) ?? 0)) * 1000) / requests])
    .filter(([, us]) => us >= 1);
}
