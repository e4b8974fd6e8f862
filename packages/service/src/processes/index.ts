/**
 * A Shop process from outside: spawn a TypeScript entry point, wait until its
 * /healthz answers, stop it. One helper for `pnpm start`, the bench, the race
 * demo, the fault suite and the restart tests.
 */
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";

/** Runs a TypeScript entry point with tsx in its own process. */
export function runTs(
  entry: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
  stdio: StdioOptions = "inherit",
): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", entry], { cwd, env, stdio });
}

/** Polls `url` until it answers 2xx, the process dies, or the deadline passes. */
export async function waitUntilHealthy(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
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
