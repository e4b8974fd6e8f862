/**
 * A Shop process from outside: spawn a TypeScript entry point, wait until its
 * /healthz answers, stop it. One helper for `pnpm start`, the bench, the race
 * demo, the fault suite and the restart tests.
 */
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * Runs a TypeScript entry point with tsx in its own process. With `watch`,
 * under `node --watch`: it restarts when the entry or any file it imports
 * (workspace packages included) changes, and waits for the next change after a crash.
 * `nodeFlags` go to Node before everything else (V8's heap sizes, say).
 */
export function runTs(
  entry: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
  {
    watch = false,
    stdio = "inherit",
    nodeFlags = [],
  }: { watch?: boolean; stdio?: StdioOptions; nodeFlags?: readonly string[] } = {},
): ChildProcess {
  const args = [
    ...nodeFlags,
    ...(watch ? ["--watch", "--watch-preserve-output"] : []),
    "--import",
    "tsx",
    entry,
  ];
  return spawn(process.execPath, args, { cwd, env, stdio });
}

/** Process groups of the one-off jobs (codegen, builds) that must not outlive this process. */
const jobGroups = new Set<number>();
process.on("exit", () => {
  for (const pid of jobGroups) {
    try {
      process.kill(-pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
});

/**
 * Runs a shell command in a process group of its own, which is ended when
 * this process exits: a Ctrl-C during a build leaves no Vite behind.
 */
export function spawnJob(command: string, options: { cwd: string; env: NodeJS.ProcessEnv }): ChildProcess {
  const child = spawn(command, { ...options, stdio: "inherit", shell: true, detached: true });
  const pid = child.pid;
  if (pid !== undefined) {
    jobGroups.add(pid);
    child.once("exit", () => jobGroups.delete(pid));
  }
  return child;
}

/** Polls `url` until it answers 2xx, the process dies, or the deadline passes. */
export async function waitUntilHealthy(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${url}: the process exited (${child.exitCode ?? child.signalCode})`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${url} did not become healthy within ${timeoutMs} ms`);
}

/** SIGTERM (after SIGCONT, should it be paused), then SIGKILL if it has not exited within `graceMs`. */
export async function stopProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGCONT");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}
