/**
 * Debian's podman 4.3, buildah 1.28 and podman-compose 1.0.3 (with CNI's
 * dnsname plugin) as this machine
 * runs them: installed with apt where missing, and every call made with
 * scripts/containers/containers.conf (the sandbox's ulimits, runc).
 */
import { spawn, spawnSync, type SpawnSyncOptions } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export const containersConf = join(import.meta.dirname, "containers.conf");

/** The environment every podman, buildah and podman-compose call gets. */
export function podmanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, CONTAINERS_CONF: containersConf, ...extra };
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Print the command's output as it runs (else it is kept and shown on failure). */
  echo?: boolean;
  /** Resolve with the result instead of throwing on a non-zero exit. */
  allowFailure?: boolean;
  /** Append the command's output to this file (it is shown from there on failure). */
  log?: string;
  input?: string;
  timeoutMs?: number;
}

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end; throws with its output when it fails (unless allowFailure). */
export function run(command: string, args: string[], options: RunOptions = {}): RunResult {
  const logFd = options.log === undefined ? undefined : openSync(options.log, "a");
  const spawnOptions: SpawnSyncOptions = {
    cwd: options.cwd,
    env: options.env ?? podmanEnv(),
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    stdio:
      logFd !== undefined ? ["ignore", logFd, logFd] : options.echo ? ["pipe", "inherit", "inherit"] : "pipe",
    timeout: options.timeoutMs ?? 30 * 60_000,
    ...(options.input === undefined ? {} : { input: options.input }),
  };
  const result = spawnSync(command, args, spawnOptions);
  const out: RunResult = {
    status: result.status ?? 1,
    stdout: typeof result.stdout === "string" ? result.stdout : "",
    stderr: typeof result.stderr === "string" ? result.stderr : "",
  };
  if (logFd !== undefined) {
    closeSync(logFd);
    out.stdout = readFileSync(options.log!, "utf8").slice(-8000);
  }
  if (result.error) out.stderr += `\n${result.error.message}`;
  if (out.status !== 0 && !options.allowFailure) {
    throw new Error(
      `${command} ${args.join(" ")} exited with ${out.status}\n${out.stdout.slice(-4000)}\n${out.stderr.slice(-4000)}`,
    );
  }
  return out;
}

/**
 * As `run`, without blocking: for what goes on beside the rest. Its output
 * goes to a file, not a pipe (the rest may block the event loop for minutes,
 * and a full pipe would stop the command); on failure the error holds its end.
 * `seconds` is how long it ran, until its last output.
 */
export function runAsync(
  command: string,
  args: string[],
  options: Pick<RunOptions, "env" | "cwd"> = {},
): Promise<RunResult & { seconds: number }> {
  const log = join(mkdtempSync(join(tmpdir(), "shop-run-")), "output.log");
  const fd = openSync(log, "w");
  const began = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? podmanEnv(),
      stdio: ["ignore", fd, fd],
    });
    closeSync(fd);
    let settled = false;
    const settle = (status: number | null, error?: Error) => {
      if (settled) return;
      settled = true;
      const output = readFileSync(log, "utf8");
      const seconds = (statSync(log).mtimeMs - began) / 1000;
      rmSync(dirname(log), { recursive: true, force: true });
      if (status === 0) resolve({ status, stdout: output, stderr: "", seconds });
      else
        reject(
          error ?? new Error(`${command} ${args.join(" ")} exited with ${status}\n${output.slice(-4000)}`),
        );
    };
    child.on("error", (error) => settle(null, error));
    child.on("close", (status) => settle(status));
  });
}

export const podman = (args: string[], options: RunOptions = {}): RunResult => run("podman", args, options);

function onPath(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

/** apt-get installs whichever of the tools is missing (one `apt-get update` first if needed). */
export function ensureTools(): void {
  const wanted: Array<[command: string, pkg: string]> = [
    ["podman", "podman"],
    ["buildah", "buildah"],
    ["podman-compose", "podman-compose"],
    ["debootstrap", "debootstrap"],
    ["runc", "runc"],
    // Without it, podman 4.3's CNI networks have no DNS: services would not find each other by name.
    ["/usr/lib/cni/dnsname", "golang-github-containernetworking-plugin-dnsname"],
  ];
  const present = (command: string) =>
    command.startsWith("/") ? existsSync(command) : onPath(command) || existsSync(`/usr/sbin/${command}`);
  const missing = wanted.filter(([command]) => !present(command));
  if (missing.length === 0) return;
  const packages = missing.map(([, pkg]) => pkg);
  console.log(`Installing ${packages.join(", ")} from Debian...`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const install = ["install", "-y", "--no-install-recommends", ...packages];
  if (run("apt-get", install, { env, allowFailure: true }).status !== 0) {
    run("apt-get", ["update"], { env });
    run("apt-get", install, { env });
  }
}

/** Every image in podman's store, intermediate ones included: ID → labels. */
export function images(): Map<string, Record<string, string>> {
  const out = podman(["images", "--all", "--no-trunc", "--format", "{{.ID}}|{{json .Labels}}"]).stdout;
  return new Map(
    out
      .split("\n")
      .filter(Boolean)
      .map((line) => {
        const [id = "", labels = "null"] = line.split(/\|(.*)/s);
        return [id, (JSON.parse(labels) as Record<string, string> | null) ?? {}];
      }),
  );
}
