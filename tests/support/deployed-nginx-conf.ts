import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * deploy/nginx/nginx.conf with its three placeholders filled in, for a run in a temporary prefix:
 * the scale-out test (tests/scale/run.ts) and the pages bench (tests/bench/pages.bench.ts) both run
 * the deployed file, not a copy of it, so a change to the load balancer is tested and measured as
 * it ships. Each upstream server is marked failed after one error for 5 s, as the file's header asks.
 */
export function deployedNginxConf(options: { prefix: string; listen: string; upstreamPorts: readonly number[] }): string {
  return readFileSync(path.join(process.cwd(), "deploy/nginx/nginx.conf"), "utf8")
    .replace(/^\s*#.*$/gm, "") // the comments name the placeholders too
    .replaceAll("__PREFIX__", options.prefix)
    .replaceAll("__LISTEN__", options.listen)
    .replace("__UPSTREAM_SERVERS__", options.upstreamPorts.map((port) => `server 127.0.0.1:${port} max_fails=1 fail_timeout=5s;`).join("\n    "));
}
