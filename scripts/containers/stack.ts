/**
 * docker-compose.yml under podman-compose 1.0.3, which does what the file
 * says except three things the test does in its place: it ignores
 * `depends_on` conditions (the test starts the services in the file's order,
 * each stage once the one before is healthy or done), it never runs health
 * checks by itself (the test runs `podman healthcheck run`), and it ignores
 * the top-level `name:` (the test passes -p). The override file beside this
 * one only swaps the digest-pinned postgres image for its local stand-in.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parse } from "yaml";
import { podman, podmanEnv, run, type RunOptions, type RunResult } from "./podman.ts";

export const PROJECT = "shopcontainers";
const override = join(import.meta.dirname, "compose.override.yml");

/** podman-compose on the repository's docker-compose.yml and the override, as project PROJECT. */
export function compose(
  root: string,
  env: NodeJS.ProcessEnv,
  args: string[],
  options: Pick<RunOptions, "allowFailure" | "log"> = {},
): RunResult {
  return run(
    "podman-compose",
    ["-p", PROJECT, "-f", join(root, "docker-compose.yml"), "-f", override, ...args],
    {
      cwd: root,
      env: podmanEnv(env),
      ...options,
    },
  );
}

interface ComposeFile {
  services: Record<
    string,
    { depends_on?: Record<string, { condition?: string }>; build?: { target?: string } }
  >;
}

/** docker-compose.yml's services, each with what it waits for, in start order. */
export interface Stage {
  service: string;
  /** Built from the Dockerfile (else a published image). */
  built: boolean;
  /** The Dockerfile's target it is built to (`service`, `spa`). */
  target?: string;
  /** What it waits for: service name → depends_on condition. */
  after: Record<string, string>;
}

export function stagesOf(file: string): Stage[][] {
  const { services } = parse(readFileSync(file, "utf8"), { merge: true }) as ComposeFile;
  const level = new Map<string, number>();
  const levelOf = (name: string): number => {
    const known = level.get(name);
    if (known !== undefined) return known;
    const deps = Object.keys(services[name]?.depends_on ?? {});
    const value = deps.length === 0 ? 0 : 1 + Math.max(...deps.map(levelOf));
    level.set(name, value);
    return value;
  };
  const stages: Stage[][] = [];
  for (const [service, definition] of Object.entries(services)) {
    const after = Object.fromEntries(
      Object.entries(definition.depends_on ?? {}).map(([dep, how]) => [
        dep,
        how.condition ?? "service_started",
      ]),
    );
    (stages[levelOf(service)] ??= []).push({
      service,
      built: definition.build !== undefined,
      target: definition.build?.target,
      after,
    });
  }
  return stages;
}

export const containerOf = (service: string) => `${PROJECT}_${service}_1`;

function logsOf(container: string): string {
  const logs = podman(["logs", "--tail", "40", container], { allowFailure: true });
  return `${logs.stdout}${logs.stderr}`;
}

/** Runs the container's health check until it passes; throws with its logs after `timeoutMs`. */
export async function waitHealthy(service: string, timeoutMs = 90_000): Promise<void> {
  const container = containerOf(service);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (podman(["healthcheck", "run", container], { allowFailure: true }).status === 0) return;
    const state = podman(["inspect", "--format", "{{.State.Status}}", container], { allowFailure: true });
    if (state.stdout.trim() === "exited" && !/unless-stopped|always/.test(restartPolicy(container))) break;
    await sleep(1_000);
  }
  throw new Error(`${service} did not become healthy within ${timeoutMs / 1000} s:\n${logsOf(container)}`);
}

function restartPolicy(container: string): string {
  return podman(["inspect", "--format", "{{.HostConfig.RestartPolicy.Name}}", container], {
    allowFailure: true,
  }).stdout;
}

/** Waits for a one-shot container to exit; throws with its logs unless it exited 0. */
export function waitCompleted(service: string): void {
  const container = containerOf(service);
  const code = podman(["wait", container]).stdout.trim();
  if (code !== "0") throw new Error(`${service} exited with ${code}:\n${logsOf(container)}`);
}

export const start = (services: string[]) => podman(["start", ...services.map(containerOf)]);
