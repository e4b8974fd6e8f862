/** `pnpm lint:owners`: only a table's owner writes it (see table-owner-problems.ts and README, Layout). */
import { tableOwnerProblems } from "./table-owner-problems.ts";
import { repoRoot } from "./workspace.ts";

const problems = tableOwnerProblems(repoRoot());
if (problems.length > 0) {
  console.error(`Only a table's owner writes it (packages/db/src/table-owners.ts):\n${problems.join("\n")}`);
  process.exit(1);
}
console.log("Every table is written by its owner only.");
