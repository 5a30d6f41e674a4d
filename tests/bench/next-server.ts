/**
 * `next start` for the benches: the production build of this checkout on its own port and the
 * bench database, signed in over HTTP like a browser, with its resident memory readable.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { IDLE_TIMEOUT_SECONDS, sessionCookieName } from "../../lib/auth/session-policy";
import { encodeSessionToken } from "../../lib/auth/session-token";
import { SERVER_NODE_OPTIONS } from "../../scripts/server-node-options";

// Bench-only secret: the bench server signs its own session cookies and is never exposed.
export const BENCH_AUTH_SECRET = "bench-only-secret-0123456789abcdefghijklmnopqrstuvwxyz";
const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");

export function ensureProductionBuild(): void {
  const buildId = path.join(".next", "BUILD_ID");
  if (existsSync(buildId) && process.env.BENCH_REBUILD !== "1") {
    console.log(`production build: reusing .next (built ${statSync(buildId).mtime.toISOString()}; BENCH_REBUILD=1 to rebuild)`);
    return;
  }
  console.log("production build: running next build …");
  const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error("next build failed");
}

export interface BenchServer {
  port: number;
  baseUrl: string;
  child: ChildProcess;
  output: () => string;
  /**
   * With `traceGc`: the heap left after each full (mark-compact) collection so far, in MB, from V8's
   * `--trace-gc` lines — what the process still holds, as opposed to garbage not yet collected.
   */
  liveHeapMb: () => readonly number[];
  stop: () => Promise<void>;
}

/** `[pid:…] 1234 ms: Mark-Compact 118.1 (146.7) -> 82.5 (147.2) MB, …`: the size after, 82.5. */
const MARK_COMPACT = /Mark-Compact[^\n]*? -> ([\d.]+) \(/;

/**
 * Throws when something already answers on the port — a server left running by an interrupted run
 * (its process is named "next-server"): the bench would measure that instead of its own.
 */
export async function assertPortFree(port: number): Promise<void> {
  const taken = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ port, host: "localhost" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
  if (taken) throw new Error(`port ${port} is already in use (a server left by an earlier run? pgrep -f next-server): the bench would measure it, not this build`);
}

export async function startNextServer(options: { port: number; databaseUrl: string; nodeArgs?: string[]; traceGc?: boolean }): Promise<BenchServer> {
  await assertPortFree(options.port);
  let output = "";
  let partialLine = "";
  const liveHeap: number[] = [];
  // Its own process group, so stopping it stops next's workers too (and nothing else).
  // BENCH_APP_DIR serves another checkout's build with this bench (a before-and-after comparison).
  const cwd = process.env.BENCH_APP_DIR ?? process.cwd();
  const v8Options = serverV8Options();
  const traceGc = options.traceGc ? ["--trace-gc"] : [];
  const child = spawn(serverNode(), [...v8Options, ...traceGc, ...(options.nodeArgs ?? []), path.join(cwd, NEXT_BIN), "start", "-p", String(options.port)], {
    cwd,
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      AUTH_SECRET: BENCH_AUTH_SECRET,
      NODE_ENV: "production",
      // The bench's users are seeded accounts (isDemo), which production mode refuses at start-up
      // (docs/security.md AU-05); demo mode skips only those start-up checks, nothing on a request.
      SES_MODE: "demo",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(options.port),
    },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  const readGcLines = (chunk: Buffer) => {
    const lines = (partialLine + chunk.toString()).split("\n");
    partialLine = lines.pop() ?? "";
    for (const line of lines) {
      const match = MARK_COMPACT.exec(line);
      if (match) liveHeap.push(Number(match[1]));
    }
  };
  if (options.traceGc) child.stdout?.on("data", readGcLines);
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        child.kill("SIGTERM");
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    }
  };
  return { port: options.port, baseUrl: `http://localhost:${options.port}`, child, output: () => output, liveHeapMb: () => liveHeap, stop };
}

/**
 * The Node.js the servers run on: the bench's own, or BENCH_SERVER_NODE=/path/to/node to measure
 * the same build on another runtime (docs/decisions/0042-the-runtime-measured.md).
 */
export function serverNode(): string {
  return process.env.BENCH_SERVER_NODE || process.execPath;
}

/**
 * The V8 options `npm start` gives the server (scripts/server-node-options.ts), so the bench measures
 * what is deployed; BENCH_SERVER_NODE_OPTIONS="…" (empty for none) measures others instead.
 */
export function serverV8Options(): readonly string[] {
  const chosen = process.env.BENCH_SERVER_NODE_OPTIONS;
  return chosen !== undefined ? chosen.split(" ").filter(Boolean) : SERVER_NODE_OPTIONS;
}

/** `v20.20.2` and the V8 it carries, as the servers' Node.js reports them. */
export function serverNodeVersion(): string {
  const probe = spawnSync(serverNode(), ["-p", "`${process.version} (V8 ${process.versions.v8})`"], { encoding: "utf8" });
  if (probe.status !== 0) throw new Error(`${serverNode()} did not run: ${probe.stderr || probe.error?.message}`);
  return probe.stdout.trim();
}

export async function waitForServer(server: Pick<BenchServer, "baseUrl" | "child" | "output">, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`next start exited (${server.child.exitCode}):\n${server.output()}`);
    try {
      const response = await fetch(`${server.baseUrl}/sign-in`, { redirect: "manual" });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`next start did not answer on ${server.baseUrl} within ${timeoutMs / 1000} s:\n${server.output()}`);
}

/** Resident set size of a process in MB (Linux /proc), or NaN when it has gone. */
export function residentMegabytes(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/**
 * CPU time a process has used so far (user + system, every thread: V8's GC helpers included), in
 * ms, from Linux /proc; NaN when it has gone. Unlike a profile's samples, it does not count time
 * the process waited for a core, so it holds up on a machine shared with other work.
 */
export function processCpuMs(pid: number | undefined): number {
  return pid === undefined ? Number.NaN : cpuMsOf(`/proc/${pid}/stat`);
}

/**
 * The same for the process's main thread alone: the one JavaScript runs on. The rest of a Node
 * process's CPU is V8's helper threads (concurrent marking, parallel scavenges, compilation).
 */
export function mainThreadCpuMs(pid: number | undefined): number {
  return pid === undefined ? Number.NaN : cpuMsOf(`/proc/${pid}/task/${pid}/stat`);
}

function cpuMsOf(statFile: string): number {
  try {
    const stat = readFileSync(statFile, "utf8");
    // The fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/** USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK). */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * A session cookie for a bench user, minted as the app's sign-in would set it (as the e2e suite's
 * cookie sign-in does): the claims of a completed sign-in, second factor included, encrypted with
 * the bench server's secret. The server still checks the user row and its session version.
 */
export async function mintSessionCookie(databaseUrl: string, email: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; name: string; sessionVersion: number }>(`SELECT id, name, "sessionVersion" FROM "User" WHERE email = $1`, [email]);
    if (!rows[0]) throw new Error(`no bench user ${email}`);
    const name = sessionCookieName(true);
    const now = Math.floor(Date.now() / 1000);
    const token = await encodeSessionToken({
      token: { name: rows[0].name, email, sub: rows[0].id, sv: rows[0].sessionVersion, signedInAt: now, mfa: true },
      secret: BENCH_AUTH_SECRET,
      salt: name,
      maxAge: IDLE_TIMEOUT_SECONDS,
    });
    return `${name}=${token}`;
  } finally {
    await client.end();
  }
}
