/**
 * `pnpm lint:kubernetes`: every object under deploy/ rendered and checked
 * against the Kubernetes API's own schemas (the `kubernetes-models`
 * package: JSON schemas generated from the API's OpenAPI document), and
 * against what the shop needs of them: 2+ replicas, probes, a preStop drain,
 * requests and limits, a PodDisruptionBudget and an autoscaler per Deployment.
 *
 * Each overlay is rendered by `kubectl kustomize` where kubectl is installed
 * (.ci/run installs it); without it the base's plain YAML is checked and the
 * overlays are skipped, saying so.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";

const ROOT = join(import.meta.dirname, "../..");
const DEPLOY = join(ROOT, "deploy");

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec?: Record<string, unknown>;
}

function render(): Array<{ source: string; objects: K8sObject[] }> {
  const kubectl = spawnSync("kubectl", ["version", "--client"], { encoding: "utf8" });
  const overlays = readdirSync(join(DEPLOY, "overlays"));
  if (kubectl.status !== 0) {
    console.warn(
      "kubectl is not installed: checking deploy/base's files without the overlays (apt-get install kubectl)",
    );
    const files = readdirSync(join(DEPLOY, "base")).filter(
      (f) => f.endsWith(".yaml") && f !== "kustomization.yaml",
    );
    return [
      {
        source: "deploy/base",
        objects: files.flatMap((f) => parse(readFileSync(join(DEPLOY, "base", f), "utf8"), f)),
      },
    ];
  }
  return overlays.map((overlay) => {
    const out = spawnSync("kubectl", ["kustomize", join(DEPLOY, "overlays", overlay)], { encoding: "utf8" });
    if (out.status !== 0)
      throw new Error(`kubectl kustomize deploy/overlays/${overlay} failed:\n${out.stderr}`);
    return { source: `deploy/overlays/${overlay}`, objects: parse(out.stdout, overlay) };
  });
}

function parse(text: string, source: string): K8sObject[] {
  return parseAllDocuments(text).flatMap((doc) => {
    if (doc.errors.length) throw new Error(`${source}: ${doc.errors[0]!.message}`);
    const value = doc.toJS() as K8sObject | null;
    return value ? [value] : [];
  });
}

/** kubernetes-models/<group>/<version>/<Kind>, the core group being plain v1. */
async function validateAgainstSchema(object: K8sObject): Promise<string | undefined> {
  const [group, version] = object.apiVersion.includes("/")
    ? object.apiVersion.split("/")
    : ["", object.apiVersion];
  const path = `kubernetes-models/${group ? `${group}/` : ""}${version}/${object.kind}`;
  let Model: new (data: unknown) => { validate(): void };
  try {
    Model = ((await import(path)) as { [k: string]: typeof Model })[object.kind]!;
  } catch {
    return `unknown apiVersion/kind ${object.apiVersion} ${object.kind}`;
  }
  try {
    new Model(object).validate();
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

interface Container {
  name: string;
  startupProbe?: unknown;
  readinessProbe?: unknown;
  livenessProbe?: unknown;
  lifecycle?: { preStop?: unknown };
  resources?: { requests?: object; limits?: object };
}

function shopRules(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  const named = (kind: string) => new Set(objects.filter((o) => o.kind === kind).map((o) => o.metadata.name));
  const pdbs = named("PodDisruptionBudget");
  const hpaTargets = new Set(
    objects
      .filter((o) => o.kind === "HorizontalPodAutoscaler")
      .map((o) => (o.spec?.scaleTargetRef as { name: string }).name),
  );
  for (const d of objects.filter((o) => o.kind === "Deployment")) {
    const name = d.metadata.name;
    const spec = d.spec as { replicas?: number; template: { spec: { containers: Container[] } } };
    if ((spec.replicas ?? 1) < 2) problems.push(`Deployment ${name}: fewer than 2 replicas`);
    if (!pdbs.has(name)) problems.push(`Deployment ${name}: no PodDisruptionBudget`);
    if (!hpaTargets.has(name)) problems.push(`Deployment ${name}: no HorizontalPodAutoscaler`);
    for (const c of spec.template.spec.containers) {
      for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"] as const) {
        if (!c[probe]) problems.push(`Deployment ${name}, container ${c.name}: no ${probe}`);
      }
      if (!c.lifecycle?.preStop) problems.push(`Deployment ${name}, container ${c.name}: no preStop drain`);
      if (!c.resources?.requests || !c.resources.limits) {
        problems.push(`Deployment ${name}, container ${c.name}: resource requests and limits`);
      }
    }
  }
  for (const kind of ["Job", "Ingress", "NetworkPolicy", "Secret"]) {
    if (named(kind).size === 0) problems.push(`no ${kind}`);
  }
  return problems;
}

let failed = false;
for (const { source, objects } of render()) {
  const problems = [
    ...(
      await Promise.all(
        objects.map(async (o) => {
          const problem = await validateAgainstSchema(o);
          return problem ? `${o.kind} ${o.metadata?.name}: ${problem}` : undefined;
        }),
      )
    ).filter((p): p is string => p !== undefined),
    ...shopRules(objects),
  ];
  if (problems.length) {
    failed = true;
    console.error(`${source}:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  } else {
    console.log(`${source}: ${objects.length} objects valid`);
  }
}
if (failed) process.exit(1);
