import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The flags Node is given in the service image: the arguments between `node`
 * and `main.ts` in the Dockerfile's last CMD. The bench runs each service with
 * them, so its memory and CPU figures are those of the container, and
 * `pnpm start` does, so that the shop on one machine sizes its heaps as the
 * containers do.
 */
export function containerNodeFlags(root: string): string[] {
  const dockerfile = readFileSync(join(root, "Dockerfile"), "utf8");
  const line = dockerfile.match(/^CMD \[.*\]$/gm)?.at(-1);
  const command: unknown = line ? JSON.parse(line.slice("CMD ".length)) : undefined;
  if (
    !Array.isArray(command) ||
    command[0] !== "node" ||
    command.at(-1) !== "main.ts" ||
    !command.every((part) => typeof part === "string")
  ) {
    throw new Error(
      `the Dockerfile's last CMD is not ["node", ...flags, "main.ts"]: ${line ?? "none found"}`,
    );
  }
  return command.slice(1, -1);
}
