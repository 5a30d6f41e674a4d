// `npm run test:e2e`: checks for Debian's Chromium, builds the production app once, chooses a free
// port for the server Playwright starts (E2E_PORT when set, refused early if it is busy), then runs
// Playwright with any arguments given (`npm run test:e2e -- tests/e2e/cases.spec.ts`).
import { spawnSync } from "node:child_process";
import { createServer } from "node:net";

const run = (command, args, env = process.env) => {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

/** Resolves when `port` can be bound on the loopback interfaces Playwright's server will use. */
function isFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "::", ipv6Only: false }, () => server.close(() => resolve(true)));
  });
}

async function choosePort() {
  if (process.env.E2E_PORT) {
    const port = Number(process.env.E2E_PORT);
    if (!(await isFree(port))) {
      console.error(`\nE2E_PORT=${port} is busy: something else is listening on port ${port}. Stop it, or unset E2E_PORT to let the tests choose a free port.\n`);
      process.exit(1);
    }
    return port;
  }
  // Start the search at a point set by this process, so two runs started together on one machine
  // rarely reach for the same port between this check and Playwright starting the server.
  const first = process.pid % 100;
  for (let offset = 0; offset < 100; offset += 1) {
    const port = 3100 + ((first + offset) % 100);
    if (await isFree(port)) return port;
  }
  console.error("\nNo free port between 3100 and 3199 for the end-to-end server; set E2E_PORT to a free one.\n");
  process.exit(1);
}

run(process.execPath, ["scripts/check-chromium.mjs"]);
const port = await choosePort();
if (process.env.SES_E2E_SKIP_BUILD !== "1") run(process.execPath, ["node_modules/next/dist/bin/next", "build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
console.log(`End-to-end server on port ${port}.`);
run(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)], { ...process.env, E2E_PORT: String(port) });
