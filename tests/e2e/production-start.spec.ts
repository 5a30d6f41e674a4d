import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "./support/test";

/**
 * docs/security.md AU-05: the production checks run inside the server (instrumentation.ts), so a
 * plain `next start` — no `npm start` wrapper, no SES_MODE — is production mode and refuses to
 * start while it is unsafe. Reuses the build the end-to-end run made; each case gets its own
 * embedded database folder and port.
 */
test.describe.configure({ mode: "serial" });

function nextStart(env: Record<string, string | undefined>, port: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
      // NODE_ENV=production is what `next start` sets itself; SES_MODE is deliberately absent.
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += String(chunk)));
    child.stderr.on("data", (chunk) => (output += String(chunk)));
    // A server that did not refuse within the time is stopped by its own pid, and reported as running.
    const timer = setTimeout(() => child.kill("SIGTERM"), 90_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const port = () => 3200 + (process.pid % 50) + Math.floor(Math.random() * 40);

test("next start with no SES_MODE and no AUTH_SECRET is production mode and refuses to start (AU-05)", async () => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "ses-prod-"));
  try {
    const { code, output } = await nextStart({ PGLITE_DATA_DIR: dataDir, AUTH_SECRET: "" }, port());
    expect(code).toBe(1);
    expect(output).toContain("refuses to start in production mode");
    expect(output).toContain("AUTH_SECRET is required");
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test("next start with a long secret still refuses a database holding the demo accounts (AU-05)", async () => {
  test.setTimeout(300_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "ses-prod-"));
  try {
    const seed = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/db-seed.ts"], { env: { ...process.env, DATABASE_URL: "", PGLITE_DATA_DIR: dataDir, SES_MODE: "demo" }, encoding: "utf8" });
    expect(seed.status, seed.stderr).toBe(0);
    const { code, output } = await nextStart({ PGLITE_DATA_DIR: dataDir, AUTH_SECRET: "p".repeat(48) }, port());
    expect(code).toBe(1);
    expect(output).toMatch(/\d+ demo account\(s\) exist/);
    expect(output).not.toContain("AUTH_SECRET");
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
