import { readdirSync, readFileSync } from "node:fs";

/** A /proc file's text, or "" once its process has gone. */
export function readProc(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return ""; // the process has gone
  }
}

/**
 * A process's /proc/<pid>/stat fields from the state on (field 3 is [0]):
 * the command name before them may hold spaces, so they are read after the last ')'.
 */
export function statFields(pid: number): string[] {
  const stat = readProc(`/proc/${pid}/stat`);
  return stat ? stat.slice(stat.lastIndexOf(")") + 2).split(" ") : [];
}

/** The pid and every descendant of it. */
export function treeOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const ppid = Number(statFields(pid)[1]);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid)!.push(pid);
  }
  const all: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    all.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return all;
}
