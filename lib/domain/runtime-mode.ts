/**
 * Which mode the server runs in (docs/security.md AU-05). Production fails closed: it is the mode
 * whenever NODE_ENV=production (as `next start` sets it) and no explicit demo flag is given, and any
 * SES_MODE other than "demo" also means production. The demo mode must be asked for by name:
 * `npm start` (scripts/start.ts) and the end-to-end server pass SES_MODE=demo.
 */
export type RuntimeMode = "production" | "demo";

export interface ModeFlags {
  SES_MODE?: string;
  NODE_ENV?: string;
}

export function runtimeMode(flags: ModeFlags): RuntimeMode {
  const mode = flags.SES_MODE?.trim().toLowerCase();
  if (mode === "demo") return "demo";
  if (mode) return "production";
  return flags.NODE_ENV === "production" ? "production" : "demo";
}

/** docs/security.md AU-05: the session secret must be set and at least 32 bytes long. */
export const AUTH_SECRET_MIN_BYTES = 32;

export function authSecretProblem(secret: string | undefined): string | null {
  const value = secret?.trim();
  if (!value) return `AUTH_SECRET is required in production mode (at least ${AUTH_SECRET_MIN_BYTES} bytes).`;
  if (new TextEncoder().encode(value).length < AUTH_SECRET_MIN_BYTES) {
    return `AUTH_SECRET must be at least ${AUTH_SECRET_MIN_BYTES} bytes long.`;
  }
  return null;
}
