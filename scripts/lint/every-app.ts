/**
 * `pnpm lint:apps`: adding an app or a package to the workspace must reach
 * everything that lists them by hand. Every app under apps/ gets an image in
 * CI and a service in docker-compose.yml, built from its own APP, and the
 * Dockerfile copies every workspace package.json before `pnpm install
 * --frozen-lockfile` (which fails on a missing one, but only in Docker) and
 * installs every SPA's dependencies in its one shared SPA stage.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { repoRoot, workspaceDirs } from "./workspace.ts";

const root = repoRoot();
const read = (file: string) => readFileSync(join(root, file), "utf8");
const apps = workspaceDirs("apps");
const problems: string[] = [];

interface Workflow {
  jobs?: { images?: { strategy?: { matrix?: { include?: Array<{ app?: string }> } } } };
}
const built = new Set(
  ((parse(read(".github/workflows/ci.yml")) as Workflow).jobs?.images?.strategy?.matrix?.include ?? []).map(
    (entry) => entry.app,
  ),
);
for (const app of apps) {
  if (!built.has(app))
    problems.push(`.github/workflows/ci.yml: the images job's matrix has no entry for ${app}`);
}

interface Compose {
  services?: Record<string, { build?: { target?: string; args?: Record<string, string> } }>;
}
const services = (parse(read("docker-compose.yml")) as Compose).services ?? {};
for (const app of apps) {
  const service = services[app];
  if (!service) problems.push(`docker-compose.yml: no service named ${app}`);
  else if (service.build?.args?.APP !== app)
    problems.push(`docker-compose.yml: ${app} is not built with APP: ${app}`);
}

const dockerfile = read("Dockerfile");
for (const dir of [
  ...apps.map((a) => `apps/${a}`),
  ...workspaceDirs("packages").map((p) => `packages/${p}`),
]) {
  if (!dockerfile.includes(`COPY ${dir}/package.json ${dir}/\n`)) {
    problems.push(
      `Dockerfile: the deps stage does not copy ${dir}/package.json (COPY ${dir}/package.json ${dir}/)`,
    );
  }
}

// The SPAs' one shared install (the spa-deps stage) names each SPA.
for (const [name, service] of Object.entries(services)) {
  if (service.build?.target === "spa" && !dockerfile.includes(`--filter "{apps/${name}}..."`)) {
    problems.push(
      `Dockerfile: the spa-deps stage does not install ${name}'s dependencies (--filter "{apps/${name}}...")`,
    );
  }
}

if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(
  `Every app (${apps.join(", ")}) has a CI image and a compose service; the Dockerfile copies every package.json and installs every SPA.`,
);
