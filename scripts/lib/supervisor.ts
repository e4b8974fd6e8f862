import type { ChildProcess } from "node:child_process";
import { stopProcess } from "@shop/service/processes";

/**
 * The processes of one `pnpm start` or `pnpm dev`, which live and die
 * together: Ctrl-C (SIGINT) or SIGTERM stops them all, then `onStopped` (the
 * embedded PostgreSQL); one exiting on its own stops the rest with exit code 1.
 */
export class Supervisor {
  readonly #children: ChildProcess[] = [];
  readonly #onStopped: () => Promise<void>;
  #stopping = false;

  constructor(onStopped: () => Promise<void>) {
    this.#onStopped = onStopped;
    process.on("SIGINT", () => void this.stop(0));
    process.on("SIGTERM", () => void this.stop(0));
  }

  /** Keeps `child` (called `part` in messages) until the stop. */
  add(part: string, child: ChildProcess): ChildProcess {
    this.#children.push(child);
    child.once("exit", (code, signal) => {
      if (this.#stopping) return;
      console.error(`${part} exited (${signal ?? `code ${code}`}); stopping the shop.`);
      void this.stop(1);
    });
    return child;
  }

  async stop(code: number): Promise<never> {
    if (!this.#stopping) {
      this.#stopping = true;
      await Promise.all(this.#children.map((child) => stopProcess(child)));
      await this.#onStopped();
    }
    process.exit(code);
  }
}
