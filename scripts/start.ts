// `npm start`: the one command of the README. Uses DATABASE_URL when set, otherwise the embedded
// PGlite database in .data/pglite (created on first run). Applies migrations, loads demo data on
// first run (not in SES_MODE=production), builds the production app when its sources changed,
// then serves it with `next start`.
import { spawn, spawnSync } from "node:child_process";
import { todayInLondon } from "../lib/calendar/iso-date";
import { migrateDatabase } from "../lib/db/migrate-database";
import { openDatabase } from "../lib/db/open";
import { recomputeDueDatesAfterMigrations } from "../lib/server/cases/recompute-after-migrations";
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from "../lib/seed/demo/people";
import { seedDemo, seedReferenceData } from "../lib/seed/seed-demo";
import { findProductionProblems } from "../lib/server/startup/refuse-unsafe-production";
import { describeTarget, resolveDatabaseTarget } from "../lib/db/target";
import { buildIsCurrent, recordBuildFingerprint } from "./build-fingerprint";
import { printDemoSignIns } from "./print-demo-sign-ins";
import { SERVER_NODE_OPTIONS } from "./server-node-options";
import { ensureAuthSecret, ensureServerActionsKey, isProductionMode } from "./runtime-env";

const port = process.env.PORT ?? "3000";
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
// `next start` runs with NODE_ENV=production, which the server reads as production mode unless it is
// told otherwise (docs/security.md AU-05): pass the mode resolved here explicitly.
env.SES_MODE = isProductionMode(env) ? "production" : "demo";

function fail(message: string): never {
  console.error(`\nSES Casework could not start: ${message}\n`);
  process.exit(1);
}

env.AUTH_SECRET = (() => {
  try {
    return ensureAuthSecret(env);
  } catch (error) {
    return fail((error as Error).message);
  }
})();
// The demo seed seals the demo accounts' TOTP secret with it (lib/seed/seed-demo.ts).
process.env.AUTH_SECRET = env.AUTH_SECRET;

try {
  env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY = ensureServerActionsKey(env);
} catch (error) {
  fail((error as Error).message);
}

const target = resolveDatabaseTarget(env);
console.log(`Database: ${describeTarget(target)}`);
let applied: string[] = [];
try {
  const result = await migrateDatabase(target);
  applied = result.applied;
  console.log(`Migrations: ${result.applied.length} applied, ${result.alreadyApplied.length} already applied.`);
} catch (error) {
  fail((error as Error).message);
}

const db = await openDatabase(target);
try {
  const recomputed = await recomputeDueDatesAfterMigrations(db.prisma, applied);
  if (recomputed > 0) console.log(`Due dates: recomputed for ${recomputed} case(s) after migrating.`);
  if (isProductionMode(env)) {
    await seedReferenceData(db.prisma);
  } else {
    const summary = await seedDemo(db.prisma, { today: env.SEED_TODAY ?? todayInLondon(new Date()) });
    console.log(summary.alreadySeeded ? "Demo data: already loaded (kept)." : "Demo data: loaded.");
  }
} finally {
  // PGlite allows one process per data folder: release it before the server opens it.
  await db.close();
}
if (isProductionMode(env)) {
  // docs/security.md AU-05, LG-04: the checks the server repeats at start-up (instrumentation.ts), made
  // here first so `npm start` fails before building. Connects as the server will (DATABASE_APP_URL).
  const problems = await findProductionProblems(env, { password: DEMO_PASSWORD, emailDomain: DEMO_EMAIL_DOMAIN });
  if (problems.length > 0) fail(problems.join("\n"));
}

if (env.SES_SKIP_BUILD === "1") {
  console.log("Build: skipped (SES_SKIP_BUILD=1).");
} else if (buildIsCurrent()) {
  console.log("Build: up to date.");
} else {
  console.log("Build: building the production app (next build)…");
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env });
  if (build.status !== 0) fail("next build failed (see above).");
  recordBuildFingerprint();
}

if (!isProductionMode(env)) printDemoSignIns();
console.log(`SES Casework is starting on http://localhost:${port}\n`);
// Background jobs (docs/decisions/0022-background-jobs.md): on PostgreSQL one worker runs beside
// the server (SES_WORKER=0 when workers run elsewhere). On the embedded database the server owns
// PGlite and runs the worker itself (instrumentation.ts; docs/decisions/0025-jobs-on-the-embedded-database.md).
let worker: ReturnType<typeof spawn> | undefined;
if (target.kind === "postgres" && env.SES_WORKER !== "0") {
  worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], { stdio: "inherit", env });
} else if (target.kind === "pglite" && env.SES_WORKER !== "0") {
  console.log("Background jobs: run inside the server on the embedded database.");
} else {
  console.log("Background jobs: not run by this process (SES_WORKER=0).");
}
// The server's V8 options (heap limits) are the bench's too (scripts/server-node-options.ts).
const server = spawn(process.execPath, [...SERVER_NODE_OPTIONS, "node_modules/next/dist/bin/next", "start", "-p", port], { stdio: "inherit", env });
// SIGTERM: next start stops taking connections and finishes in-flight requests; the worker
// finishes or releases its job (docs/security.md SO-07). Exit once both have.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.kill(signal);
    worker?.kill(signal);
  });
}
const exited = (child: ReturnType<typeof spawn> | undefined) =>
  new Promise<number>((resolve) => (child && child.exitCode === null ? child.on("exit", (code) => resolve(code ?? 0)) : resolve(0)));
server.on("exit", () => {
  worker?.kill("SIGTERM");
});
const [serverCode] = await Promise.all([exited(server), exited(worker)]);
process.exit(serverCode);
