/**
 * `next start` for the benches: the production build of this checkout on its own port and the
 * bench database, signed in over HTTP like a browser, with its resident memory readable.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

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
  stop: () => Promise<void>;
}

export function startNextServer(options: { port: number; databaseUrl: string; nodeArgs?: string[] }): BenchServer {
  let output = "";
  // Its own process group, so stopping it stops next's workers too (and nothing else).
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), NEXT_BIN, "start", "-p", String(options.port)], {
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      AUTH_SECRET: BENCH_AUTH_SECRET,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(options.port),
    },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
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
  return { port: options.port, baseUrl: `http://localhost:${options.port}`, child, output: () => output, stop };
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
export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  collectCookies(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/cases` }),
  });
  collectCookies(response, jar);
  if (![...jar.keys()].some((name) => name.endsWith("ses.session"))) {
    throw new Error(`Sign-in as ${email} failed: HTTP ${response.status} → ${response.headers.get("location")}`);
  }
  return cookieHeader(jar);
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
