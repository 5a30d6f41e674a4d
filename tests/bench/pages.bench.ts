/**
 * Benchmark: the pages caseworkers use all day — the work queue (all open, mine) and a case page —
 * served by the production build (`next start`) on the 100,000-case volume database, signed in as
 * a bench caseworker, at 20 concurrent connections. Each page is reported beside "the floor": the
 * 404 page of the same build in the same run (root layout only: no data, no session).
 *
 * 1. CPU per request, one process at saturation, from a V8 CPU profile of the server, split into
 *    render / serialisation / data / auth / app / framework / GC (tests/bench/cpu-profile.ts).
 * 2. Latency and throughput, one instance: p50/p95/p99, requests/s, resident memory peak and
 *    settled.
 * 3. The same through Debian's nginx in front of two instances, when nginx is installed: how the
 *    app is deployed to use both cores (deploy/README.md), with the deployed deploy/nginx/nginx.conf.
 * 4. Page weight: the queue page with 25 rows, HTML and RSC payload, gzip.
 *
 * Phases 2 and 3 ask for pages as a browser does, compressed (`Accept-Encoding`): a lone instance
 * compresses its own pages; behind nginx the load balancer compresses and the instances do not
 * (deploy/nginx/nginx.conf), and nginx's own CPU is printed beside the instances'. Phase 1
 * measures an instance as it runs behind the load balancer: it is never asked to compress.
 *
 * Targets (issue text, printed PASS/MISS, never asserted): p95 < 100 ms and ≥ 200 requests/s in
 * total; ≤ 10 ms CPU per request; RSS < 400 MB under load and < 350 MB after; queue page < 60 KB.
 * BENCH_DURATION (seconds per page and phase, default 30) shortens a run.
 * BENCH_SERVER_NODE=/path/to/node serves the same build on another Node.js (the bench itself runs
 * on the project's); BENCH_SERVER_NODE_OPTIONS="…" replaces the servers' V8 options.
 *
 * Run alone: npx tsx tests/bench/pages.bench.ts (after tests/bench/volume-database.ts).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { breakdownCpuProfile, CPU_CATEGORIES, CPU_CATEGORY_LABELS, monotonicMicros } from "./cpu-profile";
import { deployedNginxConf } from "../support/deployed-nginx-conf";
import { getCompressed } from "../support/get-compressed";
import { isMainModule } from "./main-module";
import { assertPortFree, ensureProductionBuild, mainThreadCpuMs, mintSessionCookie, processCpuMs, residentMegabytes, serverNodeVersion, serverV8Options, startNextServer, waitForServer, type BenchServer } from "./next-server";
import { formatMs, percentile, verdict } from "./stats";
import { benchDatabaseUrl, firstOpenCaseOf } from "./volume-database";
import { VOLUME_USERS } from "./volume-seed";

const CONNECTIONS = 20;
const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 30);
const BASE_PORT = Number(process.env.BENCH_PORT ?? 3202);
const NGINX = "/usr/sbin/nginx";
/** Chromium's, on every request of the load phases: the cost of compressing is part of serving a page. */
const BROWSER_ACCEPT_ENCODING = "gzip, deflate, br, zstd";
const TARGETS = { p95Ms: 100, totalRps: 200, cpuMsPerRequest: 10, rssLoadMb: 400, rssSettledMb: 350, queueKb: 60 };

interface BenchPage {
  /** What BENCH_PAGES names it by. */
  key: string;
  label: string;
  path: string;
  signedIn: boolean;
  status: number;
}

interface LoadFigures {
  requests: number;
  wrongStatus: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
}

async function load(
  baseUrl: string,
  page: BenchPage,
  cookie: string,
  seconds: number,
  options: { acceptEncoding?: string; onTick?: () => void } = {},
): Promise<LoadFigures> {
  const { onTick } = options;
  const headers = { ...(page.signedIn ? { cookie } : {}), ...(options.acceptEncoding ? { "accept-encoding": options.acceptEncoding } : {}) };
  const times: number[] = [];
  let wrongStatus = 0;
  const ticker = onTick ? setInterval(onTick, 250) : null;
  try {
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        { url: `${baseUrl}${page.path}`, connections: CONNECTIONS, duration: seconds, headers },
        (error, value) => (error ? reject(error) : resolve(value)),
      );
      instance.on("response", (_client, status, _bytes, responseTime) => {
        times.push(responseTime);
        if (status !== page.status) wrongStatus++;
      });
    });
    times.sort((a, b) => a - b);
    return {
      requests: times.length,
      wrongStatus,
      errors: result.errors + result.timeouts,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
      rps: times.length / seconds,
    };
  } finally {
    if (ticker) clearInterval(ticker);
  }
}

async function warmUp(baseUrl: string, pages: readonly BenchPage[], cookie: string): Promise<void> {
  for (let i = 0; i < 10; i++) {
    for (const page of pages) {
      const response = await fetch(`${baseUrl}${page.path}`, { headers: page.signedIn ? { cookie } : {}, redirect: "manual" });
      await response.text();
      if (response.status !== page.status) throw new Error(`GET ${page.path}: HTTP ${response.status}, expected ${page.status}`);
    }
  }
}

function describeLoad(figures: LoadFigures & { cpuMs: number; balancerCpuMs?: number }): string {
  const broken = figures.wrongStatus > 0 || figures.errors > 0 ? ` (${figures.wrongStatus} wrong status, ${figures.errors} errors!)` : "";
  const balancer = figures.balancerCpuMs === undefined ? "" : ` + nginx ${figures.balancerCpuMs.toFixed(1)}`;
  return `${Math.round(figures.rps)} req/s; p50 ${formatMs(figures.p50)}, p95 ${formatMs(figures.p95)}, p99 ${formatMs(figures.p99)}; process CPU ${figures.cpuMs.toFixed(1)}${balancer} ms/req${broken}`;
}

/** Phase 1: one process at saturation under a CPU profile; CPU per request and where it goes. */
async function profilePhase(pages: readonly BenchPage[], signIn: (baseUrl: string) => Promise<string>): Promise<Map<string, number>> {
  const profileDir = mkdtempSync(path.join(tmpdir(), "ses-bench-prof-"));
  const server = await startNextServer({ port: BASE_PORT, databaseUrl: benchDatabaseUrl(), nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] });
  const windows: Array<{ page: BenchPage; from: number; to: number; requests: number; processCpuMs: number; mainThreadCpuMs: number }> = [];
  try {
    await waitForServer(server);
    const cookie = await signIn(server.baseUrl);
    await warmUp(server.baseUrl, pages, cookie);
    for (const page of pages) {
      const from = monotonicMicros();
      const cpuBefore = processCpuMs(server.child.pid);
      const mainBefore = mainThreadCpuMs(server.child.pid);
      const figures = await load(server.baseUrl, page, cookie, Math.min(DURATION_SECONDS, 15));
      windows.push({
        page,
        from,
        to: monotonicMicros(),
        requests: figures.requests,
        processCpuMs: processCpuMs(server.child.pid) - cpuBefore,
        mainThreadCpuMs: mainThreadCpuMs(server.child.pid) - mainBefore,
      });
    }
  } finally {
    await server.stop();
  }
  const profiles = readdirSync(profileDir).filter((name) => name.endsWith(".cpuprofile"));
  const cpuPerRequest = new Map<string, number>();
  if (profiles.length === 0) {
    console.log("  (no CPU profile was written: the server did not exit cleanly)");
    return cpuPerRequest;
  }
  // next start serves from the process node started; the largest profile is that process.
  const file = path.join(profileDir, profiles.sort().at(-1)!);
  console.log(`\n  CPU per request, one process at saturation (${CONNECTIONS} connections, V8 CPU profile):`);
  const header = ["page", "ms/req", ...CPU_CATEGORIES].map((cell, i) => (i === 0 ? cell.padEnd(28) : cell.slice(0, 9).padStart(9))).join(" ");
  console.log(`    ${header}`);
  for (const window of windows) {
    const breakdown = breakdownCpuProfile(file, window.from, window.to);
    const requests = Math.max(1, window.requests);
    const perRequest = breakdown.busyMs / requests;
    cpuPerRequest.set(window.page.path, perRequest);
    const cells = CPU_CATEGORIES.map((category) => (breakdown.byCategory[category] / requests).toFixed(2).padStart(9));
    console.log(
      `    ${window.page.label.padEnd(28)} ${perRequest.toFixed(2).padStart(9)} ${cells.join(" ")}   (process CPU ${(window.processCpuMs / requests).toFixed(2)} ms/req: JavaScript thread ${(window.mainThreadCpuMs / requests).toFixed(2)}, V8 helper threads ${((window.processCpuMs - window.mainThreadCpuMs) / requests).toFixed(2)})`,
    );
    if (process.env.BENCH_PROFILE_TOP === "1") {
      for (const top of breakdown.topFrames) console.log(`        ${(top.ms / requests).toFixed(3).padStart(7)} ms/req  ${top.category.padEnd(13)} ${top.frame}`);
    }
  }
  console.log(`    (columns: ${CPU_CATEGORIES.map((c) => `${c} = ${CPU_CATEGORY_LABELS[c]}`).join("; ")})`);
  const floor = cpuPerRequest.get(pages[0].path) ?? Number.NaN;
  for (const page of pages.slice(1)) {
    const ms = cpuPerRequest.get(page.path) ?? Number.NaN;
    console.log(`    ${page.label}: ${ms.toFixed(1)} ms CPU per request, ${(ms / floor).toFixed(1)}× the floor; target ≤ ${TARGETS.cpuMsPerRequest} ms: ${verdict(ms <= TARGETS.cpuMsPerRequest)}`);
  }
  if (process.env.BENCH_KEEP_PROFILE === "1") console.log(`    profile kept: ${file}`);
  else rmSync(profileDir, { recursive: true, force: true });
  return cpuPerRequest;
}

/** Phases 2 and 3: latency, throughput and memory through `baseUrl` with these servers behind it. */
async function loadPhase(
  title: string,
  baseUrl: string,
  servers: BenchServer[],
  pages: readonly BenchPage[],
  cookie: string,
  loadBalancer?: { cpuMs: () => number },
): Promise<void> {
  console.log(`\n  ${title}: ${CONNECTIONS} connections, ${DURATION_SECONDS} s per page`);
  await warmUp(baseUrl, pages, cookie);
  const collectionsBefore = servers.map((server) => server.liveHeapMb().length);
  let requests = 0;
  const idle = servers.map((server) => residentMegabytes(server.child.pid));
  const peak = [...idle];
  const sample = () => servers.forEach((server, i) => (peak[i] = Math.max(peak[i], residentMegabytes(server.child.pid) || 0)));
  // The servers' own CPU time (every thread, not the time they waited for a core) per request.
  const cpuOf = () => servers.reduce((sum, server) => sum + processCpuMs(server.child.pid), 0);
  const timed = async (page: BenchPage) => {
    const before = cpuOf();
    const balancerBefore = loadBalancer?.cpuMs() ?? 0;
    const figures = await load(baseUrl, page, cookie, DURATION_SECONDS, { acceptEncoding: BROWSER_ACCEPT_ENCODING, onTick: sample });
    requests += figures.requests;
    const perRequest = (ms: number) => ms / Math.max(1, figures.requests);
    return { ...figures, cpuMs: perRequest(cpuOf() - before), balancerCpuMs: loadBalancer ? perRequest(loadBalancer.cpuMs() - balancerBefore) : undefined };
  };
  const floor = await timed(pages[0]);
  console.log(`    ${pages[0].label.padEnd(28)} ${describeLoad(floor)}`);
  for (const page of pages.slice(1)) {
    const figures = await timed(page);
    const broken = figures.wrongStatus > 0 || figures.errors > 0;
    const pass = figures.p95 < TARGETS.p95Ms && figures.rps >= TARGETS.totalRps && !broken;
    console.log(
      `    ${page.label.padEnd(28)} ${describeLoad(figures)}; ${(figures.rps / floor.rps).toFixed(2)}× the floor's req/s; target p95 < ${TARGETS.p95Ms} ms and ≥ ${TARGETS.totalRps} req/s: ${verdict(pass)}`,
    );
  }
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  const settled = servers.map((server) => residentMegabytes(server.child.pid));
  servers.forEach((_server, i) => {
    console.log(
      `    memory, instance ${i + 1}: idle ${Math.round(idle[i])} MB, peak ${Math.round(peak[i])} MB (target < ${TARGETS.rssLoadMb}: ${verdict(peak[i] < TARGETS.rssLoadMb)}), settled 10 s after ${Math.round(settled[i])} MB (target < ${TARGETS.rssSettledMb}: ${verdict(settled[i] < TARGETS.rssSettledMb)})`,
    );
  });
  // The heap left after each full collection during the load: flat when the server holds only the
  // requests in flight; climbing when something keeps each request (docs/decisions/0036-a-finished-render-retained-by-its-abort-reason.md).
  servers.forEach((server, i) => {
    const live = server.liveHeapMb().slice(collectionsBefore[i]);
    if (live.length < 2) return console.log(`    live heap, instance ${i + 1}: ${live.length} full collection(s) during the load, too few to compare`);
    const third = Math.max(1, Math.floor(live.length / 3));
    const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const first = mean(live.slice(0, third));
    const last = mean(live.slice(-third));
    const perRequestKb = ((last - first) * 1024) / Math.max(1, (requests * 2) / 3 / servers.length);
    console.log(
      `    live heap after full collections, instance ${i + 1}: ${live.length} collections, first third ${first.toFixed(0)} MB, last third ${last.toFixed(0)} MB (≈ ${perRequestKb.toFixed(1)} KB a request kept; near 0 expected)`,
    );
  });
}

async function gzipBytes(url: string, headers: Record<string, string>): Promise<{ status: number; bytes: number; encoding: string }> {
  const { status, encoding, body } = await getCompressed(url, headers);
  return { status, bytes: body.length, encoding };
}

/**
 * A client navigation's URL: Next.js answers an RSC request whose cache-busting `_rsc` parameter
 * does not match its router headers with a redirect to the one that does (empty, without them).
 */
function rscUrl(url: string): string {
  return `${url}${url.includes("?") ? "&" : "?"}_rsc`;
}

/** The weight of any other page benched (no target): what its HTML and its RSC payload cost on the wire. */
async function otherPageWeight(baseUrl: string, page: BenchPage, cookie: string): Promise<void> {
  const html = await gzipBytes(`${baseUrl}${page.path}`, { cookie });
  const rsc = await gzipBytes(rscUrl(`${baseUrl}${page.path}`), { cookie, rsc: "1" });
  console.log(`  page weight, ${page.label}: HTML ${(html.bytes / 1024).toFixed(1)} KB ${html.encoding}; RSC payload ${(rsc.bytes / 1024).toFixed(1)} KB ${rsc.encoding}`);
}

async function pageWeight(baseUrl: string, cookie: string, servedBy: string): Promise<void> {
  const html = await gzipBytes(`${baseUrl}/cases?view=open`, { cookie });
  const rsc = await gzipBytes(rscUrl(`${baseUrl}/cases?view=open`), { cookie, rsc: "1" });
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(
    `\n  page weight, /cases?view=open with 25 rows, ${servedBy}: HTML (with its inline RSC payload) ${kb(html.bytes)} ${html.encoding}; RSC payload alone (client navigation) ${kb(rsc.bytes)} ${rsc.encoding}${rsc.status === 200 ? "" : ` (HTTP ${rsc.status})`}; target < ${TARGETS.queueKb} KB: ${verdict(html.bytes < TARGETS.queueKb * 1024 && rsc.bytes < TARGETS.queueKb * 1024)}`,
  );
}

/** The CPU time of nginx's master and its worker processes (a worker's is not the master's until it exits). */
function processTreeCpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(" ").filter(Boolean).map(Number);
  } catch {
    children = [];
  }
  return processCpuMs(pid) + children.reduce((sum, child) => sum + processTreeCpuMs(child), 0);
}

function startNginx(port: number, upstreamPorts: number[]): { stop: () => void; cpuMs: () => number } {
  const prefix = mkdtempSync(path.join(tmpdir(), "ses-bench-nginx-"));
  const conf = path.join(prefix, "nginx.conf");
  writeFileSync(conf, deployedNginxConf({ prefix, listen: `127.0.0.1:${port}`, upstreamPorts }));
  const child = spawn(NGINX, ["-c", conf, "-p", prefix, "-g", "daemon off;"], { stdio: "ignore", detached: true });
  return {
    cpuMs: () => processTreeCpuMs(child.pid),
    stop: () => {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        child.kill("SIGTERM");
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}

async function waitForPort(baseUrl: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`${baseUrl}/sign-in`, { redirect: "manual" }).then((r) => r.text());
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`nothing answered on ${baseUrl}`);
}

export async function benchPages(): Promise<void> {
  const caseworker = VOLUME_USERS.caseworker(1);
  const caseId = await firstOpenCaseOf(caseworker);
  const allPages: BenchPage[] = [
    { key: "floor", label: "floor: 404 page (layout only)", path: "/bench-floor-page-that-does-not-exist", signedIn: false, status: 404 },
    // Opt-in: the signed-in shell's own cost (the session user, the unread count, the header) with a one-query page.
    { key: "account", label: "signed-in floor: account", path: "/account", signedIn: true, status: 200 },
    { key: "queue-open", label: "work queue: all open", path: "/cases?view=open", signedIn: true, status: 200 },
    { key: "queue-mine", label: "work queue: mine", path: "/cases?view=mine", signedIn: true, status: 200 },
    { key: "case", label: "case page", path: `/cases/${caseId}`, signedIn: true, status: 200 },
  ];
  // BENCH_PAGES=floor,account,case picks pages (the floor always comes first: the others are compared with it).
  const picked = new Set(["floor", ...(process.env.BENCH_PAGES ?? "queue-open,queue-mine,case").split(",").map((key) => key.trim())]);
  const pages = allPages.filter((page) => picked.has(page.key));
  console.log(`\npages under ${CONNECTIONS} concurrent connections (autocannon), signed in as ${caseworker}`);
  console.log(`servers: Node.js ${serverNodeVersion()}, V8 options ${serverV8Options().join(" ") || "(none)"}`);
  ensureProductionBuild();
  const signIn = (_baseUrl: string) => mintSessionCookie(benchDatabaseUrl(), caseworker);

  // BENCH_PAGES_PHASES=profile,single,nginx (default all) runs some of the phases.
  const phases = new Set((process.env.BENCH_PAGES_PHASES ?? "profile,single,nginx").split(","));
  if (phases.has("profile")) await profilePhase(pages, signIn);
  if (phases.has("single")) await singleInstancePhase(pages, signIn);
  if (phases.has("nginx")) await behindNginxPhase(pages, signIn);
}

/** Phase 2: one `next start`, as `npm start` runs it. */
async function singleInstancePhase(pages: readonly BenchPage[], signIn: (baseUrl: string) => Promise<string>): Promise<void> {
  const single = await startNextServer({ port: BASE_PORT, databaseUrl: benchDatabaseUrl(), traceGc: true });
  try {
    await waitForServer(single);
    const cookie = await signIn(single.baseUrl);
    await loadPhase("one instance (one process, one core)", single.baseUrl, [single], pages, cookie);
    await pageWeight(single.baseUrl, cookie, "one instance");
    for (const page of pages.slice(1).filter((page) => !page.key.startsWith("queue"))) await otherPageWeight(single.baseUrl, page, cookie);
  } finally {
    await single.stop();
  }
}

/** Phase 3: two instances behind deploy/nginx/nginx.conf, as deploy/README.md runs them. */
async function behindNginxPhase(pages: readonly BenchPage[], signIn: (baseUrl: string) => Promise<string>): Promise<void> {
  if (!existsSync(NGINX)) {
    console.log(`\n  two instances behind nginx: skipped (${NGINX} not installed; apt-get install nginx)`);
    return;
  }
  // nginx's port and both instances', before any starts (none is left running when one is taken).
  for (const port of [BASE_PORT, BASE_PORT + 1, BASE_PORT + 2]) await assertPortFree(port);
  const instances = await Promise.all([1, 2].map((n) => startNextServer({ port: BASE_PORT + n, databaseUrl: benchDatabaseUrl(), traceGc: true })));
  const nginx = startNginx(BASE_PORT, [BASE_PORT + 1, BASE_PORT + 2]);
  try {
    await Promise.all(instances.map((instance) => waitForServer(instance)));
    const baseUrl = `http://localhost:${BASE_PORT}`;
    await waitForPort(baseUrl);
    const cookie = await signIn(baseUrl);
    await loadPhase("two instances behind nginx (round robin, both cores)", baseUrl, instances, pages, cookie, nginx);
    await pageWeight(baseUrl, cookie, "through nginx");
  } finally {
    nginx.stop();
    await Promise.all(instances.map((instance) => instance.stop()));
  }
}

if (isMainModule(import.meta.url)) {
  benchPages().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

