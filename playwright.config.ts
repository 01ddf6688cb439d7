import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CI = Boolean(process.env.CI);

// Browser journeys against the production build (`next build` first; npm test does it) on a fresh
// embedded database with the demo seed (scripts/e2e-server.ts). Debian's Chromium only: we never
// download browsers. One worker: the journeys share one server and its sign-in rate limits.
export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [[CI ? "line" : "list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? "test-results/playwright.json" }]],
  use: {
    ...devices["Desktop Chrome"],
    channel: undefined,
    baseURL: BASE_URL,
    locale: "en-US",
    timezoneId: "Asia/Shanghai",
    trace: CI ? "on-first-retry" : "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [{ name: "chromium" }],
  webServer: {
    command: "node_modules/.bin/tsx scripts/e2e-server.ts",
    url: `${BASE_URL}/api/health`,
    timeout: 300_000, // build already done; migrating and seeding the demo on PGlite takes minutes on a loaded machine
    // Never reuse: every run starts its own server on a brand-new database (a busy port fails fast).
    reuseExistingServer: false,
    env: { PORT: String(PORT), NEXT_TELEMETRY_DISABLED: "1" },
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
  },
});
