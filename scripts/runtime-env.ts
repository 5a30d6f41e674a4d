import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runtimeMode } from "../lib/domain/runtime-mode";

/**
 * Production mode turns on the production safety checks (docs/security.md AU-05): AUTH_SECRET must
 * be set and at least 32 bytes, no demo data is loaded, and start-up refuses to run while demo
 * accounts exist. It is the mode for SES_MODE=production (or any value but "demo") and for
 * NODE_ENV=production without SES_MODE=demo (lib/domain/runtime-mode.ts); the README's one-line
 * `npm start` runs with neither, so it is the demo and says so to the server explicitly.
 */
export function isProductionMode(env: NodeJS.ProcessEnv = process.env): boolean {
  return runtimeMode(env) === "production";
}

/** AUTH_SECRET from the environment, or (demo mode only) one generated once into .data/. */
export function ensureAuthSecret(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.AUTH_SECRET?.trim();
  if (fromEnv) {
    if (Buffer.byteLength(fromEnv) < 32) throw new Error("AUTH_SECRET must be at least 32 bytes long.");
    return fromEnv;
  }
  if (isProductionMode(env)) throw new Error("AUTH_SECRET is required when SES_MODE=production (at least 32 bytes).");
  const file = path.join(process.cwd(), ".data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

/**
 * NEXT_SERVER_ACTIONS_ENCRYPTION_KEY (docs/security.md SO-02): every instance serving one build
 * must share it, or a server action posted to one instance from a page another rendered fails.
 * From the environment (32 bytes, base64), or generated once into .data/ and kept, like AUTH_SECRET,
 * so a single `npm start` needs no configuration. deploy/README.md says how to set it for N hosts.
 */
export function ensureServerActionsKey(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY?.trim();
  if (fromEnv) {
    if (Buffer.from(fromEnv, "base64").length !== 32) throw new Error("NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32).");
    return fromEnv;
  }
  const file = path.join(process.cwd(), ".data", "server-actions-key");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}
