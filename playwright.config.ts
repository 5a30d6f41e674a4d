import { defineConfig } from "@playwright/test";
import { chromiumPath } from "./scripts/chromium-path.mjs";
import { E2E_AUTH_SECRET } from "./tests/e2e/support/e2e-server";

/**
 * End-to-end tests drive Debian's Chromium (never a downloaded browser: docs/stack-notes.md) against
 * the production build (`npm run test:e2e` builds once; the server below reuses that build) on a
 * fresh embedded PGlite database with demo data.
 */
// `npm run test:e2e` (scripts/run-e2e.mjs) chooses a free port and passes it as E2E_PORT.
const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;
// Per port, so two runs on one machine (E2E_PORT=…) never wipe each other's database or artifacts.
const dataDir = `.data/e2e-pglite-${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: `test-results/e2e-${port}`,
  // Tests sign in by cookie (tests/e2e/support/test.ts) and touch different demo cases, so they run
  // in parallel; the few that share something say so: `test.describe.serial`, or a named lock
  // (`{ lock: "…" }`, "-exclusive-" to run alone). On a shared 2-core machine two workers against
  // the one PGlite-backed server took 3.4 minutes where one took 4.1–4.5; E2E_WORKERS=1 to compare.
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  timeout: 120_000, // long journeys on a 2-core machine; each step still waits at most `expect.timeout`
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: `node scripts/reset-e2e-database.mjs ${dataDir} && npx tsx scripts/start.ts`,
    url: `${baseURL}/sign-in`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      // A fresh embedded database for every run, whatever DATABASE_URL the integration tests used.
      DATABASE_URL: "",
      PGLITE_DATA_DIR: dataDir,
      // The demo must be asked for by name: `next start` alone means production (docs/security.md AU-05).
      SES_MODE: "demo",
      SES_SKIP_BUILD: process.env.SES_E2E_BUILD === "1" ? "0" : "1",
      AUTH_SECRET: E2E_AUTH_SECRET, // the session cookies minted by tests/e2e/support/session-cookie.ts use it too
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
