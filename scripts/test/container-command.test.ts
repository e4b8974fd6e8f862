/** The bench and `pnpm start` run services with the Node flags of the service image's CMD: the parse holds. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { containerNodeFlags } from "../lib/container-command.ts";

const repo = fileURLToPath(new URL("../..", import.meta.url));

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function dockerfileIn(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "shop-cmd-"));
  made.push(dir);
  writeFileSync(join(dir, "Dockerfile"), text);
  return dir;
}

describe("containerNodeFlags", () => {
  it("reads the service image's flags: options only, between node and main.ts", () => {
    const flags = containerNodeFlags(repo);
    expect(flags.length).toBeGreaterThan(0);
    for (const flag of flags) expect(flag).toMatch(/^--[a-z][a-z0-9-]*(=\S+)?$/);
  });

  it("takes the last CMD (the service stage), not an earlier stage's", () => {
    const dir = dockerfileIn(
      'FROM a AS spa\nCMD ["nginx", "-g", "daemon off;"]\nFROM b AS service\nCMD ["node", "--x=1", "main.ts"]\n',
    );
    expect(containerNodeFlags(dir)).toEqual(["--x=1"]);
  });

  it("refuses a CMD of another shape rather than run the bench unlike the image", () => {
    expect(() => containerNodeFlags(dockerfileIn('CMD ["node", "app.js"]\n'))).toThrow(/main\.ts/);
    expect(() => containerNodeFlags(dockerfileIn("CMD node main.ts\n"))).toThrow(/none found/);
  });
});
