/**
 * Benchmark: the work queue (/cases, lib/server/cases/work-queue.ts) under 20 concurrent
 * requests against the production server (`next start`) on the 100,000-case volume database,
 * signed in over HTTP as a bench caseworker. Target (README "Speed at scale"): p95 < 100 ms.
 *
 * Reuses the `.next` production build when there is one (BENCH_REBUILD=1 forces `next build`).
 * Run alone: npx tsx tests/bench/work-queue.bench.ts (after tests/bench/volume-database.ts).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { openDatabase } from "../../lib/db/open";
import { VOLUME_ORGANISATION_ID, VOLUME_PASSWORD, VOLUME_TODAY, VOLUME_USERS, volumeUserId } from "./volume-seed";
import { listWorkQueue } from "../../lib/server/cases/work-queue";
import { isMainModule } from "./main-module";
import { formatMs, percentile, timeRuns, verdict } from "./stats";
import { benchDatabaseUrl } from "./volume-database";

const PORT = Number(process.env.BENCH_PORT ?? 3202);
const BASE_URL = `http://localhost:${PORT}`;
const CONNECTIONS = 20;
const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const TARGET_P95_MS = 100;
const PATHS = ["/cases?view=open", "/cases?view=mine"] as const;
// Bench-only secret: the bench server signs its own session cookies and is never exposed.
const BENCH_AUTH_SECRET = "bench-only-secret-0123456789abcdefghijklmnopqrstuvwxyz";
const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");

export interface LoadResult {
  path: string;
  requests: number;
  non2xx: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  throughput: number;
}

function ensureProductionBuild(): void {
  const buildId = path.join(".next", "BUILD_ID");
  if (existsSync(buildId) && process.env.BENCH_REBUILD !== "1") {
    console.log(`production build: reusing .next (built ${statSync(buildId).mtime.toISOString()}; BENCH_REBUILD=1 to rebuild)`);
    return;
  }
  console.log("production build: running next build …");
  const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error("next build failed");
}

function startServer(databaseUrl: string): { child: ChildProcess; output: () => string } {
  let output = "";
  // Its own process group, so stopping it stops next's workers too (and nothing else).
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(PORT)], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: BENCH_AUTH_SECRET,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(PORT),
    },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return { child, output: () => output };
}

function stopServer(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    child.kill("SIGTERM");
  }
}

async function waitForServer(output: () => string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(`${BASE_URL}/sign-in`, { redirect: "manual" });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`next start did not answer on ${BASE_URL} within 120 s:\n${output()}`);
}

/** name=value pairs of a response's Set-Cookie headers, merged into a jar. */
function collectCookies(response: Response, jar: Map<string, string>): void {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(";");
    const index = pair.indexOf("=");
    jar.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim());
  }
}

function cookieHeader(jar: Map<string, string>): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

/**
 * Sign in over HTTP the way the browser does through Auth.js: GET /api/auth/csrf (sets the
 * __Host- CSRF cookie), then POST the credentials callback with the token. The cookies are
 * Secure, but a Node client sends them over http://localhost like a browser does for localhost.
 */
export async function signInOverHttp(email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${BASE_URL}/api/auth/csrf`);
  collectCookies(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${BASE_URL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${BASE_URL}/cases` }),
  });
  collectCookies(response, jar);
  if (![...jar.keys()].some((name) => name.endsWith("ses.session"))) {
    throw new Error(`Sign-in as ${email} failed: HTTP ${response.status} → ${response.headers.get("location")}`);
  }
  return cookieHeader(jar);
}

async function checkPage(pathname: string, cookie: string): Promise<void> {
  const response = await fetch(`${BASE_URL}${pathname}`, { headers: { cookie }, redirect: "manual" });
  const body = await response.text();
  if (response.status !== 200 || !body.includes("<h1")) {
    throw new Error(`GET ${pathname} as the bench caseworker: HTTP ${response.status} ${response.headers.get("location") ?? ""}`);
  }
  const caption = /(My cases|All open): ([\d,]+) case/.exec(body);
  console.log(`  GET ${pathname}: 200, ${caption ? `${caption[2]} cases listed` : "page rendered"}`);
}

async function load(pathname: string, cookie: string): Promise<LoadResult> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: `${BASE_URL}${pathname}`, connections: CONNECTIONS, duration: DURATION_SECONDS, headers: { cookie } },
      (error, value) => (error ? reject(error) : resolve(value)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      times.push(responseTime);
    });
  });
  times.sort((a, b) => a - b);
  return {
    path: pathname,
    requests: times.length,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    throughput: result.requests.average,
  };
}

/** listWorkQueue alone, in this process (the use-case's share of a request). */
async function serverTime(): Promise<void> {
  const db = await openDatabase({ kind: "postgres", url: benchDatabaseUrl() });
  try {
    const actor = { id: volumeUserId(VOLUME_USERS.caseworker(1)), roles: ["caseworker" as const], organisationId: VOLUME_ORGANISATION_ID };
    const now = new Date(`${VOLUME_TODAY}T10:00:00.000Z`);
    for (const view of ["open", "mine"] as const) {
      const times = await timeRuns(() => listWorkQueue(db.prisma, actor, { view, page: 1, today: VOLUME_TODAY, now }), { warmUp: 5, runs: 30 });
      console.log(`  listWorkQueue(${view}) server time, in process: p50 ${formatMs(percentile(times, 50))}, p95 ${formatMs(percentile(times, 95))}`);
    }
  } finally {
    await db.close();
  }
}

export async function benchWorkQueue(): Promise<void> {
  console.log(`\nwork queue under ${CONNECTIONS} concurrent requests (autocannon, ${DURATION_SECONDS} s per page, next start on :${PORT})`);
  await serverTime();
  ensureProductionBuild();
  const server = startServer(benchDatabaseUrl());
  const stop = () => stopServer(server.child);
  process.once("exit", stop);
  try {
    await waitForServer(server.output, server.child);
    const cookie = await signInOverHttp(VOLUME_USERS.caseworker(1), VOLUME_PASSWORD);
    console.log(`  signed in as ${VOLUME_USERS.caseworker(1)}`);
    for (const pathname of PATHS) await checkPage(pathname, cookie);
    // Warm-up (compile caches, connection pool, calendar cache), then one request at a time for reference.
    for (let i = 0; i < 5; i++) for (const pathname of PATHS) await fetch(`${BASE_URL}${pathname}`, { headers: { cookie } }).then((r) => r.text());
    for (const pathname of PATHS) {
      const times = await timeRuns(() => fetch(`${BASE_URL}${pathname}`, { headers: { cookie } }).then((r) => r.text()), { warmUp: 0, runs: 20 });
      console.log(`  ${pathname}, one request at a time: p50 ${formatMs(percentile(times, 50))}, p95 ${formatMs(percentile(times, 95))}`);
    }
    for (const pathname of PATHS) {
      const r = await load(pathname, cookie);
      const broken = r.non2xx > 0 || r.errors > 0 ? ` (${r.non2xx} non-2xx, ${r.errors} errors!)` : "";
      console.log(
        `  ${r.path}: ${r.requests.toLocaleString("en-GB")} requests, ${Math.round(r.throughput)} req/s; p50 ${formatMs(r.p50)}, p95 ${formatMs(r.p95)}, p99 ${formatMs(r.p99)}${broken}; target p95 < ${TARGET_P95_MS} ms: ${verdict(r.p95 < TARGET_P95_MS && !broken)}`,
      );
    }
  } finally {
    stop();
    process.removeListener("exit", stop);
  }
}

if (isMainModule(import.meta.url)) {
  benchWorkQueue().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
