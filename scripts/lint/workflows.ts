/**
 * `pnpm lint:workflows`: every GitHub Actions workflow and local action, read
 * by GitHub's own parser (@actions/workflow-parser, the one behind the Actions
 * extension for VS Code). It reports unknown or missing keys, malformed
 * expressions, contexts used where they are not available and `needs` that
 * name no job. It runs offline: the schema ships inside the package.
 * Every action from another repository is pinned by full commit SHA with its
 * tag in a comment (`owner/repo@<40 hex> # v1.2.3`), which Renovate keeps current.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import { convertActionTemplate, parseAction } from "@actions/workflow-parser/actions/index";
import { repoRoot } from "./workspace.ts";

const root = repoRoot();
const yamlFiles = (dir: string) =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));

const workflows = yamlFiles(join(root, ".github", "workflows"));
const actions = yamlFiles(join(root, ".github", "actions")).filter((f) => /action\.ya?ml$/.test(f));

const problems: string[] = [];
for (const path of workflows) {
  const file = { name: relative(root, path), content: readFileSync(path, "utf8") };
  const parsed = parseWorkflow(file, new NoOperationTraceWriter());
  if (parsed.value) await convertWorkflowTemplate(parsed.context, parsed.value);
  problems.push(...parsed.context.errors.getErrors().map((e) => e.message));
}
for (const path of actions) {
  const file = { name: relative(root, path), content: readFileSync(path, "utf8") };
  const parsed = parseAction(file, new NoOperationTraceWriter());
  if (parsed.value) convertActionTemplate(parsed.context, parsed.value);
  problems.push(...parsed.context.errors.getErrors().map((e) => e.message));
}

const PINNED = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+){0,2}$/;
for (const path of [...workflows, ...actions]) {
  readFileSync(path, "utf8")
    .split("\n")
    .forEach((line, i) => {
      const uses = /^\s*(?:-\s+)?uses:\s*(.+?)\s*$/.exec(line)?.[1];
      if (uses === undefined || uses.startsWith("./") || uses.startsWith("docker://")) return;
      if (!PINNED.test(uses)) {
        problems.push(
          `${relative(root, path)}:${i + 1}: pin "${uses}" by commit SHA with its tag in a comment`,
        );
      }
    });
}

if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`${workflows.length} workflow(s) and ${actions.length} action(s) are valid.`);
