import { rmSync } from "node:fs";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";

/**
 * The browser suites (e2e/*.spec.ts) against the real shop: `pnpm start`'s
 * script on a database of their own, driven in Debian's Chromium (Playwright
 * downloads no browser).
 *
 * The stack keeps its state in .data/e2e (wiped before each run) and its
 * embedded PostgreSQL on port 54339, so a developer's .data/ and database on
 * 54329 are never touched. The services and SPAs use their usual ports
 * (4000-4003, 5173, 5174): the SPAs are built to call the gateway there and
 * the gateway's CORS allows them. Specs find the stack's files (the admin
 * token, ...) under process.env.SHOP_E2E_DATA_DIR.
 */
const dataDir = join(import.meta.dirname, ".data", "e2e");
// Playwright evaluates this file again in each worker, which inherits the
// runner's environment: only the runner's first evaluation wipes.
if (process.env.SHOP_E2E_DATA_DIR === undefined) {
  rmSync(dataDir, { recursive: true, force: true });
  process.env.SHOP_E2E_DATA_DIR = dataDir;
}

export default defineConfig({
  testDir: "e2e",
  // One stack whose stock every spec changes: specs run one at a time, so each sees its own effect.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // Each test checks every page state it reaches with axe-core (a second or more per state).
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: "list",
  use: {
    baseURL: "http://127.0.0.1:5173",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  // Every spec at a desktop's width and at a phone's (390x844, the width people shop on):
  // phone layouts are first-class, and each test's checks (layout, axe) run at both.
  projects: [
    { name: "desktop", use: { viewport: { width: 1280, height: 800 } } },
    {
      name: "phone",
      use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
      // GraphiQL is a developer's tool on a desktop, not a page for shoppers or staff.
      testIgnore: "graphiql.spec.ts",
    },
  ].map((project) => ({
    name: project.name,
    testIgnore: project.testIgnore,
    use: {
      browserName: "chromium" as const,
      ...project.use,
      launchOptions: {
        executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
        // Without the background-networking flags Chromium dials out at start,
        // and a machine with a closed network refuses it.
        args: [
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
        ],
      },
    },
  })),
  webServer: {
    command: "node --import tsx scripts/start.ts",
    // pnpm start serves the SPAs last, once every service answers /healthz: the web shop up means all is up.
    url: "http://127.0.0.1:5173",
    reuseExistingServer: false,
    timeout: 180_000,
    // SIGTERM lets start.ts stop the services and the embedded PostgreSQL cleanly.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: process.env.CI ? "pipe" : "ignore",
    stderr: "pipe",
    env: {
      ...(process.env as Record<string, string>),
      SHOP_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: "54339",
      // Never a developer's database: the embedded one, fresh.
      DATABASE_URL: "",
      LOG_LEVEL: "warn",
    },
  },
});
