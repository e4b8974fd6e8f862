/**
 * The outside programs the replica suite stands on — HAProxy, Redis,
 * PgBouncer — started on free ports as real processes, each in a folder of
 * its own, each stopped by the suite. `.ci/run` installs Debian's packages
 * where they are missing; without them the suite says what to install.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { chmodSync, chownSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePorts } from "@shop/db";
import { waitFor } from "../processes.ts";

export interface Tool {
  stop(): Promise<void>;
}

function which(program: string): string | undefined {
  const found = spawnSync("sh", ["-c", `command -v ${program}`], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

export function requireProgram(program: string, debianPackage: string): string {
  const path = which(program);
  if (!path) {
    throw new Error(`${program} is not installed: apt-get install ${debianPackage} (.ci/run does it)`);
  }
  return path;
}

/** A program in the foreground, its output kept for when it fails; stop() ends it. */
function run(
  command: string,
  args: string[],
  folder: string,
): { child: ChildProcess; tool: Tool; output: () => string } {
  const child = spawn(command, args, { cwd: folder, stdio: ["ignore", "pipe", "pipe"] });
  const lines: string[] = [];
  const keep = (chunk: Buffer) =>
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean).slice(-40));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return {
    child,
    output: () => lines.slice(-40).join("\n"),
    tool: {
      async stop() {
        if (child.exitCode === null && child.signalCode === null) {
          const exited = once(child, "exit");
          child.kill("SIGTERM");
          await exited;
        }
        rmSync(folder, { recursive: true, force: true });
      },
    },
  };
}

const folder = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `shop-scale-${name}-`));
  chmodSync(dir, 0o755);
  return dir;
};

/** True when something answers TCP on 127.0.0.1:port. */
export const listening = (port: number, host = "127.0.0.1") =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host });
    socket.once("connect", () => {
      socket.end();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

/** Sends one Redis inline command and resolves with the first reply line. */
function redisCommand(url: URL, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ port: Number(url.port || 6379), host: url.hostname });
    socket.setTimeout(1_000, () => socket.destroy(new Error("timeout")));
    socket.once("connect", () => socket.write(`${command}\r\n`));
    socket.once("data", (data) => {
      socket.end();
      resolve(data.toString("utf8").split("\r\n")[0] ?? "");
    });
    socket.once("error", reject);
  });
}

export interface RedisForSuite extends Tool {
  url: string;
  /** Where it came from, for the summary line. */
  origin: "REDIS_URL" | "127.0.0.1:6379" | "redis-server";
}

/** REDIS_URL; else the Redis on 127.0.0.1:6379 when it answers; else Debian's redis-server on a free port. */
export async function redisForSuite(env: NodeJS.ProcessEnv = process.env): Promise<RedisForSuite> {
  if (env.REDIS_URL) return { url: env.REDIS_URL, origin: "REDIS_URL", stop: () => Promise.resolve() };
  const local = "redis://127.0.0.1:6379";
  const pong = await redisCommand(new URL(local), "PING").catch(() => "");
  if (pong === "+PONG") return { url: local, origin: "127.0.0.1:6379", stop: () => Promise.resolve() };
  return { ...(await startRedisServer()), origin: "redis-server" };
}

/** Debian's redis-server on a free port, nothing persisted. */
export async function startRedisServer(): Promise<Tool & { url: string; port: number }> {
  const program = requireProgram("redis-server", "redis-server");
  const [port] = (await freePorts(1)) as [number];
  const dir = folder("redis");
  const { child, tool, output } = run(
    program,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir],
    dir,
  );
  const url = `redis://127.0.0.1:${port}`;
  const up = await waitFor(async () => (await redisCommand(new URL(url), "PING")) === "+PONG", 10_000);
  if (!up || child.exitCode !== null) throw new Error(`redis-server did not start:\n${output()}`);
  return { ...tool, url, port };
}

/**
 * Ports for processes the suite restarts, below the kernel's ephemeral range
 * (32768 and up): while a replica restarts its port is unbound, and with
 * every request on a new connection some outgoing connection would soon take
 * an ephemeral one as its source port, so the replica could not listen again.
 */
export async function stablePorts(n: number): Promise<number[]> {
  const { createServer } = await import("node:net");
  const chosen = new Set<number>();
  while (chosen.size < n) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (chosen.has(port)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once("error", () => resolve(false));
      server.listen(port, "0.0.0.0", () => server.close(() => resolve(true)));
    });
    if (free) chosen.add(port);
  }
  return [...chosen];
}

export interface Balanced {
  /** The backend's name in HAProxy and the servers' names (`orders-1`, ...). */
  name: string;
  /**
   * Where the load balancer listens for it: taken from the same freePorts()
   * call as the servers' ports, or two probes could hand out one port twice.
   */
  port: number;
  servers: Array<{ name: string; port: number }>;
}

export interface HAProxy extends Tool {
  /** The load balancer's URL for each backend. */
  urls: Record<string, string>;
  /** Each server's state as HAProxy's health checks see it ("UP", "DOWN", ...). */
  states(): Promise<Record<string, string>>;
}

/**
 * Debian's HAProxy in front of every backend: round robin, readiness checked
 * on /readyz every 500 ms (two failures take a server out, one success puts
 * it back), a new server connection per request, a request whose connection
 * was refused retried on the other server (it never reached the first), and
 * the answering server named in X-Served-By.
 */
export async function startHAProxy(backends: Balanced[]): Promise<HAProxy> {
  const program = requireProgram("haproxy", "haproxy");
  const ports = backends.map((b) => b.port);
  const dir = folder("haproxy");
  const socket = join(dir, "admin.sock");
  const config = [
    "global",
    `  stats socket ${socket} mode 600 level admin`,
    "  maxconn 4096",
    "defaults",
    "  mode http",
    "  timeout connect 2s",
    "  timeout client 60s",
    "  timeout server 60s",
    "  option http-server-close",
    "  option redispatch",
    "  retries 3",
    "  retry-on conn-failure",
    // A loaded two-core machine answers /readyz in hundreds of ms: a check may take 3 s.
    "  timeout check 3s",
    "  default-server check inter 500ms fall 2 rise 1",
    ...backends.flatMap((b, i) => [
      `frontend ${b.name}`,
      `  bind 127.0.0.1:${ports[i]}`,
      "  option forwardfor",
      `  default_backend ${b.name}`,
      `backend ${b.name}`,
      "  balance roundrobin",
      "  option httpchk GET /readyz",
      "  http-check expect status 200",
      "  http-response set-header X-Served-By %s",
      ...b.servers.map((s) => `  server ${s.name} 127.0.0.1:${s.port}`),
    ]),
    "",
  ].join("\n");
  writeFileSync(join(dir, "haproxy.cfg"), config);
  const { child, tool, output } = run(program, ["-db", "-f", join(dir, "haproxy.cfg")], dir);
  const up = await waitFor(
    async () => (await Promise.all(ports.map((p) => listening(p)))).every(Boolean),
    10_000,
  );
  if (!up || child.exitCode !== null) throw new Error(`haproxy did not start:\n${output()}`);

  const states = () =>
    new Promise<Record<string, string>>((resolve, reject) => {
      const conn = createConnection(socket);
      let text = "";
      conn.on("data", (d) => (text += d.toString("utf8")));
      conn.once("connect", () => conn.write("show stat\n"));
      conn.once("end", () => {
        const result: Record<string, string> = {};
        for (const line of text.split("\n")) {
          const cols = line.split(",");
          const [, server] = cols;
          if (!server || server === "FRONTEND" || server === "BACKEND" || line.startsWith("#")) continue;
          result[server] = cols[17] ?? "";
        }
        resolve(result);
      });
      conn.once("error", reject);
    });
  return {
    ...tool,
    urls: Object.fromEntries(backends.map((b, i) => [b.name, `http://127.0.0.1:${ports[i]}`])),
    states,
  };
}

export interface PgBouncer extends Tool {
  /** The pooled URL (transaction mode) of `database`. */
  url: string;
}

/**
 * Debian's PgBouncer in transaction mode in front of one database: every
 * transaction may land on another server connection, as in production
 * behind a pooler. As root it runs as the `postgres` user (it refuses root).
 */
export async function startPgBouncer(target: URL): Promise<PgBouncer> {
  const program = requireProgram("pgbouncer", "pgbouncer");
  const [port] = (await freePorts(1)) as [number];
  const dir = folder("pgbouncer");
  const database = target.pathname.slice(1);
  const config = [
    "[databases]",
    `${database} = host=${target.hostname} port=${target.port} dbname=${database} user=${decodeURIComponent(target.username)} password=${decodeURIComponent(target.password)}`,
    "[pgbouncer]",
    "listen_addr = 127.0.0.1",
    `listen_port = ${port}`,
    "unix_socket_dir =",
    "auth_type = any",
    "pool_mode = transaction",
    "max_client_conn = 400",
    "default_pool_size = 20",
    "ignore_startup_parameters = extra_float_digits,options",
    `logfile = ${join(dir, "pgbouncer.log")}`,
    "",
  ].join("\n");
  writeFileSync(join(dir, "pgbouncer.ini"), config);
  const args = [join(dir, "pgbouncer.ini")];
  if (process.getuid?.() === 0) {
    const uid = Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim());
    const gid = Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim());
    if (!Number.isInteger(uid))
      throw new Error("pgbouncer refuses root, and there is no postgres user to run it as");
    chownSync(dir, uid, gid);
    args.unshift("-u", "postgres");
  }
  const { child, tool, output } = run(program, args, dir);
  const up = await waitFor(() => listening(port), 10_000);
  if (!up || child.exitCode !== null) throw new Error(`pgbouncer did not start:\n${output()}`);
  const url = new URL(target);
  url.port = String(port);
  return { ...tool, url: url.toString() };
}
