/** `pnpm lint:one-way`: no package leans on an app (see one-way-problems.ts and README, Layout). */
import { oneWayProblems } from "./one-way-problems.ts";
import { repoRoot } from "./workspace.ts";

const problems = oneWayProblems(repoRoot());
if (problems.length > 0) {
  console.error(`Packages must not depend on apps (apps stand on packages):\n${problems.join("\n")}`);
  process.exit(1);
}
console.log("No package depends on an app.");
