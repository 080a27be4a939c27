import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests in Debian's Chromium against the real server and the provider simulator.
 * `npm test` builds first and lets Playwright start both on their own ports with a fresh data
 * directory. Set E2E_BASE_URL to run against a server you started yourself.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const simulatorPort = Number(process.env.E2E_SIMULATOR_PORT ?? 4110);
const external = process.env.E2E_BASE_URL;
const baseURL = external ?? `http://127.0.0.1:${port}`;
const dataDir = process.env.E2E_DATA_DIR ?? ".e2e-data";

const serverEnv = {
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: "production",
  PORT: String(port),
  PARLEY_SIMULATOR_PORT: String(simulatorPort),
  PARLEY_DATA_DIR: dataDir,
  PARLEY_DEMO: "1",
  PARLEY_SECRET: "e2e-secret-please-do-not-use-elsewhere-0123",
  PARLEY_PROVIDER_TIMEOUT_MS: "2500",
  PARLEY_BREAKER_HALF_OPEN_MS: "1000",
  // Every spec signs in from 127.0.0.1; the production default (10 a minute) would throttle the suite.
  PARLEY_SIGN_IN_LIMIT_PER_MINUTE: "120",
};

const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["json", { outputFile: ".reports/playwright.json" }]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    viewport: { width: 1280, height: 800 },
    launchOptions,
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "chromium",
      dependencies: ["setup"],
      use: {
        ...devices["Desktop Chrome"],
        launchOptions,
        viewport: { width: 1280, height: 800 },
      },
    },
  ],
  webServer: external
    ? undefined
    : [
        {
          command: "node node_modules/tsx/dist/cli.mjs simulator/main.ts",
          url: `http://127.0.0.1:${simulatorPort}/__admin/health`,
          reuseExistingServer: !process.env.CI,
          timeout: 30_000,
          env: { PARLEY_SIMULATOR_PORT: String(simulatorPort), SIMULATOR_CHATLING_RATE_LIMIT: "3000" },
        },
        {
          command: `rm -rf ${dataDir} && mkdir -p .reports && node dist/server.mjs 2>&1 | tee -a .reports/e2e-server.log`,
          url: `http://127.0.0.1:${port}/api/health`,
          reuseExistingServer: !process.env.CI,
          timeout: 120_000,
          env: serverEnv,
          stdout: "pipe",
          stderr: "pipe",
        },
      ],
});
