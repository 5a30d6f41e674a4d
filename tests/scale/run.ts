// `npm run test:scale`: the scale-out test (docs/security.md SO-01, SO-02, SO-05, SO-07;
// docs/decisions/0022-background-jobs.md). Two `next start` instances and one worker on one fresh
// PostgreSQL database, behind Debian's nginx (deploy/nginx/nginx.conf, round robin), driven by
// Playwright's request API and autocannon. Reuses the production build in .next (the one
// `npm run test:e2e` made; built here only when missing). SCALE_DURATION sets the load phase in
// seconds (default 60; CI uses 20). Needs DATABASE_URL (any database on the server: a fresh one is
// created beside it and dropped afterwards) and /usr/sbin/nginx.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { request, type APIRequestContext } from "@playwright/test";
import autocannon from "autocannon";
import pg from "pg";
import { todayInLondon } from "../../lib/calendar/iso-date";
import { deployedNginxConf } from "../support/deployed-nginx-conf";
import { getCompressed } from "../support/get-compressed";
import { migrateDatabase } from "../../lib/db/migrate-database";
import { openDatabase } from "../../lib/db/open";
import { DEMO_PASSWORD, seedDemo } from "../../lib/seed/seed-demo";

const DURATION = Number(process.env.SCALE_DURATION ?? 60);
const CONNECTIONS = Number(process.env.SCALE_CONNECTIONS ?? 50);
const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";
const AUTH_SECRET = "scale-test-only-secret-0123456789abcdefghijklmnop";
// One key for every instance (SO-02); test-only.
const ACTIONS_KEY = Buffer.alloc(32, 7).toString("base64");

const children: ChildProcess[] = [];
const failures: string[] = [];
let databaseName = "";
let adminUrl = "";
let prefix = "";

function check(condition: boolean, what: string): void {
  console.log(`${condition ? "PASS" : "FAIL"}  ${what}`);
  if (!condition) failures.push(what);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  const log = path.join(prefix, `${name}.log`);
  child.stdout?.on("data", (chunk: Buffer) => writeFileSync(log, chunk, { flag: "a" }));
  child.stderr?.on("data", (chunk: Buffer) => writeFileSync(log, chunk, { flag: "a" }));
  children.push(child);
  return child;
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

const decode = (value: string) =>
  value.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The hidden fields of the page's no-JavaScript form that has a field called `field` (server action ids, bound args). */
function formFields(html: string, field: string): Record<string, string> {
  for (const form of html.match(/<form[\s\S]*?<\/form>/g) ?? []) {
    // "prefix*" matches a field whose name starts with prefix (a plain form action's "$ACTION_ID_<id>").
    if (!form.includes(field.endsWith("*") ? `name="${field.slice(0, -1)}` : `name="${field}"`)) continue;
    const fields: Record<string, string> = {};
    for (const input of form.match(/<input[^>]*>/g) ?? []) {
      const name = input.match(/\sname="([^"]*)"/)?.[1];
      if (!name) continue;
      if (/type="(checkbox|radio)"/.test(input) && !/\schecked/.test(input)) continue;
      fields[decode(name)] = decode(input.match(/\svalue="([^"]*)"/)?.[1] ?? "");
    }
    return fields;
  }
  throw new Error(`No form with a field "${field}" on the page`);
}

async function signIn(context: APIRequestContext, email: string): Promise<void> {
  const page = await context.get("/sign-in");
  const fields = formFields(await page.text(), "password");
  const response = await context.post("/sign-in", { multipart: { ...fields, email, password: DEMO_PASSWORD, callbackUrl: "/cases" }, maxRedirects: 0 });
  if (response.status() !== 303) throw new Error(`Sign-in as ${email} answered ${response.status()}`);
}

/** GET a page on one instance, then post its form (with `values`) to another instance. */
async function postFormAcross(from: APIRequestContext, to: APIRequestContext, pagePath: string, field: string, values: Record<string, string>) {
  const page = await from.get(pagePath);
  const fields = formFields(await page.text(), field);
  return to.post(pagePath, { multipart: { ...fields, ...values }, maxRedirects: 0 });
}

function multipartBody(fields: Record<string, string>, boundary: string): string {
  return Object.entries(fields)
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join("") + `--${boundary}--\r\n`;
}

async function cleanup(): Promise<void> {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  if (databaseName) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await admin.end();
  }
  if (prefix && failures.length === 0) rmSync(prefix, { recursive: true, force: true });
  // On a failure, the end of each process's log goes to the output, so a CI run shows why.
  if (prefix && failures.length > 0) {
    for (const name of readdirSync(prefix).filter((file) => file.endsWith(".log"))) {
      const lines = readFileSync(path.join(prefix, name), "utf8").trimEnd().split("\n").slice(-25);
      console.error(`--- ${name} (last ${lines.length} lines)\n${lines.join("\n")}`);
    }
  }
}

async function main(): Promise<void> {
  adminUrl = process.env.DATABASE_URL ?? "";
  if (!adminUrl) throw new Error("npm run test:scale needs DATABASE_URL (PostgreSQL)");
  if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: apt-get install -y nginx`);
  prefix = mkdtempSync(path.join(tmpdir(), "ses-scale-"));
  for (const dir of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(prefix, dir));
  console.log(`Scale-out test: logs in ${prefix}`);

  if (!existsSync(".next/BUILD_ID")) {
    console.log("No production build in .next: building once (next build)…");
    const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) throw new Error("next build failed");
  }

  // A fresh database, migrated and seeded with the demo story.
  databaseName = `ses_scale_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${databaseName}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  const databaseUrl = url.toString();
  await migrateDatabase({ kind: "postgres", url: databaseUrl });
  const db = await openDatabase({ kind: "postgres", url: databaseUrl });
  await seedDemo(db.prisma, { today: todayInLondon(new Date()) });

  const [portA, portB, portNginx] = [await freePort(), await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: ACTIONS_KEY,
    DATABASE_POOL_MAX: "12",
    NEXT_TELEMETRY_DISABLED: "1",
    // The test seeds the demo accounts it signs in with: demo mode, as the e2e server runs
    // (a plain `next start` is production mode and refuses demo accounts, docs/security.md AU-05).
    SES_MODE: "demo",
  };
  // The instances and the worker connect as the least-privilege app role when one is named
  // (CI names it for its own database): the same role, on this test's database, which
  // migrateDatabase above granted it (docs/security.md LG-04, SO-03). Left pointing at the
  // other database, the instances would wait there for a worker heartbeat that never comes.
  if (process.env.DATABASE_APP_URL?.trim()) {
    const appUrl = new URL(process.env.DATABASE_APP_URL);
    appUrl.pathname = `/${databaseName}`;
    env.DATABASE_APP_URL = appUrl.toString();
  }
  const next = (port: number) => start(`web-${port}`, process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], { ...env, PORT: String(port) });
  next(portA);
  const instanceB = next(portB);
  start("worker", process.execPath, ["--import", "tsx", "scripts/worker.ts"], env);
  const conf = deployedNginxConf({ prefix, listen: `127.0.0.1:${portNginx}`, upstreamPorts: [portA, portB] });
  writeFileSync(path.join(prefix, "nginx.conf"), conf);
  start("nginx", NGINX, ["-p", prefix, "-c", path.join(prefix, "nginx.conf"), "-e", path.join(prefix, "error.log"), "-g", "daemon off;"], env);

  const direct = (port: number) => `http://localhost:${port}`;
  const balanced = direct(portNginx);
  // Ready: both instances and the worker (readyz needs a recent worker heartbeat), then through nginx.
  for (const port of [portA, portB]) await waitUntil(`instance ${port} ready`, async () => (await fetch(`${direct(port)}/readyz`)).status === 200);
  await waitUntil("nginx", async () => (await fetch(`${balanced}/readyz`)).status === 200);
  const health = await fetch(`${balanced}/healthz`);
  check(health.status === 200 && (await health.text()).includes("ok") && !health.headers.get("set-cookie"), "/healthz answers 200 without a session or a cookie");
  // The load balancer compresses pages, at level 1; the instances behind it are never asked to
  // (docs/decisions/0040-compression-at-the-load-balancer.md). The gzip header tells which did it:
  // its XFL byte is 4 ("fastest") from level 1, 0 from an instance's zlib at its default level 6.
  const compressed = await getCompressed(`${balanced}/sign-in`);
  check(
    compressed.status === 200 && compressed.encoding === "gzip" && compressed.body[8] === 4 && gunzipSync(compressed.body).toString().includes("Sign in"),
    `a page through nginx arrives gzip-compressed by nginx (${compressed.status}, ${compressed.encoding}, XFL ${compressed.body[8]})`,
  );

  const caseworker = await db.prisma.user.findFirstOrThrow({ where: { email: "caseworker@ses.example" } });
  const visible = await db.prisma.case.findFirstOrThrow({
    // At the caseworker's own site (Leeds Central), where a second caseworker works to reassign it to.
    where: { organisationId: caseworker.organisationId, siteId: caseworker.siteId ?? undefined, restrictionTier: "none", closedAt: null, assignedCaseworkerId: { not: null } },
    orderBy: { reference: "asc" },
  });
  const casePath = `/cases/${visible.id}`;

  // 1. A session signed in through one instance works on the other (SO-01).
  const onA = await request.newContext({ baseURL: direct(portA) });
  await signIn(onA, "caseworker@ses.example");
  const onB = await request.newContext({ baseURL: direct(portB), storageState: await onA.storageState() });
  const caseOnB = await onB.get(casePath, { maxRedirects: 0 });
  check(caseOnB.status() === 200 && (await caseOnB.text()).includes(visible.reference), `a session signed in on instance A works on instance B (${caseOnB.status()})`);

  // 2. A server action posted to A from a page that came from B (SO-02: one encryption key, one build).
  const note = `Scale test note ${Date.now()}`;
  const crossPost = await postFormAcross(onB, onA, `${casePath}/contact/note`, "text", { text: note });
  const saved = await db.prisma.caseNote.count({ where: { caseId: visible.id, text: note } });
  check(crossPost.status() === 303 && saved === 1, `a server action posted to A from B's page succeeds (${crossPost.status()}, ${saved} note saved)`);

  // 3. A stale edit on A after a change on B is refused (optimistic concurrency across instances).
  // Another caseworker who works at the case's site: only they can be assigned it (docs/decisions/0030-users-with-several-sites.md).
  const other = await db.prisma.user.findFirstOrThrow({
    where: {
      organisationId: caseworker.organisationId,
      roles: { has: "caseworker" },
      id: { not: visible.assignedCaseworkerId! },
      active: true,
      OR: [{ siteId: visible.siteId }, { sites: { some: { siteId: visible.siteId } } }],
    },
  });
  const assignPath = `${casePath}/caseworker`;
  const stalePage = await onA.get(assignPath);
  const staleFields = formFields(await stalePage.text(), "caseworkerId");
  const changeOnB = await postFormAcross(onB, onB, assignPath, "caseworkerId", { caseworkerId: other.id });
  const staleOnA = await onA.post(assignPath, { multipart: { ...staleFields, caseworkerId: visible.assignedCaseworkerId! }, maxRedirects: 0 });
  const staleBody = await staleOnA.text();
  const after = await db.prisma.case.findUniqueOrThrow({ where: { id: visible.id } });
  check(
    changeOnB.status() === 303 && staleOnA.status() === 200 && /changed this record/i.test(staleBody) && after.assignedCaseworkerId === other.id,
    `a stale edit on A after a change on B is refused and changes nothing (B ${changeOnB.status()}, A ${staleOnA.status()})`,
  );

  // 4. Sign-out on one instance revokes the session on both (SE-04: sessionVersion in the database).
  // The Glasgow caseworker: no second factor to answer, and not the account the load below uses
  // (sign-out ends all of a user's sessions, docs/decisions/0019-identity-mfa-links-and-role-approval.md).
  const signedOutA = await request.newContext({ baseURL: direct(portA) });
  await signIn(signedOutA, "caseworker.glasgow@ses.example");
  const signedOutB = await request.newContext({ baseURL: direct(portB), storageState: await signedOutA.storageState() });
  const before = (await signedOutB.get("/cases", { maxRedirects: 0 })).status();
  // The header's sign-out: a same-origin POST to /sign-out.
  const signOut = await signedOutA.post("/sign-out", { headers: { origin: direct(portA) }, maxRedirects: 0 });
  const afterSignOut = await signedOutB.get("/cases", { maxRedirects: 0 });
  check(before === 200 && afterSignOut.status() === 307 && (afterSignOut.headers().location ?? "").includes("/sign-in"), `sign-out on A revokes the session on B (${before}, sign-out ${signOut.status()}, then ${afterSignOut.status()})`);

  // 5. Load: CONNECTIONS users for DURATION seconds reading and writing through nginx.
  const cookie = (await onA.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const notePath = `${casePath}/contact/note`;
  const noteFields = formFields(await (await onA.get(notePath)).text(), "text");
  const boundary = "----sesScaleBoundary";
  const writeBody = (marker: string) => multipartBody({ ...noteFields, text: marker }, boundary);
  const load = async (marker: string, seconds: number, midway?: () => void) => {
    let acknowledged = 0;
    let refused = 0;
    const timer = midway ? setTimeout(midway, (seconds * 1000) / 2) : undefined;
    const result = await autocannon({
      url: balanced,
      connections: CONNECTIONS,
      duration: seconds,
      // The machine is shared: a slow answer is not an error, only a lost or refused one is.
      timeout: 120,
      headers: { cookie, origin: balanced },
      requests: [
        {
          method: "POST",
          path: notePath,
          headers: { "content-type": `multipart/form-data; boundary=${boundary}`, cookie, origin: balanced },
          body: writeBody(marker),
          onResponse: (status: number) => {
            if (status === 303) acknowledged++;
            else refused++;
          },
        },
        { method: "GET", path: "/cases" },
      ],
    });
    if (timer) clearTimeout(timer);
    const stored = await db.prisma.caseNote.count({ where: { caseId: visible.id, text: marker } });
    return { result, acknowledged, refused, stored };
  };
  const steady = await load(`scale-steady-${process.pid}`, DURATION);
  const r = steady.result;
  console.log(`      ${r.requests.total} requests in ${DURATION} s, p99 ${r.latency.p99} ms; writes acknowledged ${steady.acknowledged}, stored ${steady.stored}`);
  check(r.errors === 0 && r.timeouts === 0 && r["4xx"] === 0 && r["5xx"] === 0 && steady.refused === 0, `${CONNECTIONS} users for ${DURATION} s: 0 errors (errors ${r.errors}, timeouts ${r.timeouts}, 4xx ${r["4xx"]}, 5xx ${r["5xx"]})`);
  // autocannon drops the requests still in flight when time is up; the server may still commit them.
  check(
    steady.acknowledged > 0 && steady.stored >= steady.acknowledged && steady.stored <= steady.acknowledged + CONNECTIONS,
    `0 lost writes: ${steady.acknowledged} acknowledged, ${steady.stored} in the database (at most ${CONNECTIONS} more were in flight at the end)`,
  );

  // 6. One instance killed mid-run: no acknowledged write is lost.
  const killPhase = Math.max(20, DURATION);
  const crash = await load(`scale-crash-${process.pid}`, killPhase, () => instanceB.kill("SIGKILL"));
  console.log(`      instance B killed mid-run: writes acknowledged ${crash.acknowledged}, refused ${crash.refused}, stored ${crash.stored}`);
  check(crash.acknowledged > 0 && crash.stored >= crash.acknowledged, `one instance killed mid-run loses no acknowledged write (${crash.acknowledged} acknowledged, ${crash.stored} stored)`);
  const stillServing = await fetch(`${balanced}/healthz`);
  check(stillServing.status === 200, "the surviving instance keeps serving through nginx");

  await Promise.all([onA.dispose(), onB.dispose(), signedOutA.dispose(), signedOutB.dispose()]);
  await db.close();
}

try {
  await main();
} catch (error) {
  failures.push(String(error));
  console.error(error);
} finally {
  await cleanup();
}
if (failures.length > 0) {
  console.error(`\nScale-out test FAILED (${failures.length}); logs in ${prefix}`);
  process.exit(1);
}
console.log("\nScale-out test passed.");
process.exit(0);
