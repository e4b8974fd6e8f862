import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach } from "vitest";

/**
 * A throwaway folder for a lint rule's test to lay a tiny workspace out in
 * (`create`, then `write` its files); removed after each test.
 */
export function scratchWorkspace(prefix: string) {
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
  });
  return {
    create(): void {
      root = mkdtempSync(join(tmpdir(), prefix));
    },
    get root(): string {
      if (!root) throw new Error("scratchWorkspace: create() first");
      return root;
    },
    write(path: string, text: string): void {
      const file = join(this.root, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    },
  };
}
