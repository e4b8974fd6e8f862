/**
 * The shop's services as real processes (`node --import tsx apps/<name>/src/main.ts`),
 * as `pnpm start` and production run them, on free ports: what a fault test
 * kills, pauses and restarts.
 */
import { type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { runTs, stopProcess, waitUntilHealthy } from "@shop/service/processes";
import { TEST_SERVICE_TOKEN } from "@shop/service/testing";

export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export type ShopProcessName = "inventory" | "orders" | "payments" | "gateway";

/** Polls `check` every `everyMs` until it returns true; false if `timeoutMs` passes first. */
export async function waitFor(
  check: () => Promise<boolean>,
  timeoutMs: number,
  everyMs = 100,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return true;
    if (Date.now() >= deadline) return false;
    await sleep(everyMs);
  }
}

/** One service process: started on its port, killable, restartable on the same port. */
export class ShopProcess {
  private child: ChildProcess | undefined;
  /** Its last lines of output, shown when something about it fails. */
  private readonly output: string[] = [];
  readonly url: string;

  readonly name: ShopProcessName;
  readonly port: number;
  private readonly env: Record<string, string>;
  constructor(name: ShopProcessName, port: number, env: Record<string, string>) {
    this.name = name;
    this.port = port;
    this.env = env;
    this.url = `http://127.0.0.1:${port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the process and resolves once /healthz answers 200 (it listens). */
  async start(timeoutMs = 60_000): Promise<void> {
    if (this.running) throw new Error(`${this.name} is already running`);
    const child = runTs(
      `apps/${this.name}/src/main.ts`,
      {
        ...process.env,
        LOG_LEVEL: "warn",
        // The services' credential, and /metrics on a port the system picks: a
        // test's processes never collide with each other or a running shop's.
        SERVICE_TOKEN: TEST_SERVICE_TOKEN,
        METRICS_PORT: "0",
        ...this.env,
        [`${this.name.toUpperCase()}_PORT`]: String(this.port),
      },
      REPO_ROOT,
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    this.child = child;
    const keep = (chunk: Buffer) => {
      this.output.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      this.output.splice(0, Math.max(0, this.output.length - 40));
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    try {
      await waitUntilHealthy(`${this.url}/healthz`, child, timeoutMs);
    } catch (err) {
      child.kill("SIGKILL");
      throw new Error(
        `${this.name} did not come up on ${this.url} (${(err as Error).message}). Its last output:\n${this.lastOutput()}`,
      );
    }
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Sends `signal`; for SIGKILL and SIGTERM, resolves once the process has exited. */
  async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || !this.running) throw new Error(`${this.name} is not running`);
    if (signal === "SIGSTOP" || signal === "SIGCONT") {
      child.kill(signal);
      return;
    }
    const exited = once(child, "exit");
    child.kill(signal);
    await exited;
  }

  /**
   * Sends SIGTERM and returns at once (the process drains meanwhile), with a
   * promise of how it exited: its exit code, or the signal that ended it.
   */
  terminate(): { exited: Promise<number | NodeJS.Signals> } {
    const child = this.child;
    if (!child || !this.running) throw new Error(`${this.name} is not running`);
    const exited = once(child, "exit").then(([code, signal]) => (code ?? signal) as number | NodeJS.Signals);
    child.kill("SIGTERM");
    return { exited };
  }

  /** Stops it if it runs (SIGCONT first, should it be paused), with SIGKILL after 10 s. */
  async stop(): Promise<void> {
    if (this.child && this.running) await stopProcess(this.child);
  }

  lastOutput(): string {
    return this.output.join("\n");
  }
}
