/**
 * Content-Security-Policy with a per-request nonce (docs/security.md HD-01): 'strict-dynamic',
 * object-src 'none', base-uri 'none', frame-ancestors 'none', form-action 'self', no third
 * parties at all (DP-05). 'unsafe-eval' only under `next dev`, which needs it for fast refresh.
 */
export function buildContentSecurityPolicy(nonce: string, options: { development: boolean }): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(options.development ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", `'nonce-${nonce}'`],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "manifest-src": ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

export function generateNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

// Headers for every response and for static files: shared with next.config.js, which cannot import TypeScript.
export { STATIC_FILE_CSP, STATIC_SECURITY_HEADERS } from "./static-headers.mjs";
