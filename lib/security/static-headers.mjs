// Plain JavaScript so that next.config.js can import it as well as the TypeScript code (lib/security/csp.ts).

/**
 * Headers for every response, static files included (HD-02, HD-03).
 * @type {{ key: string; value: string }[]}
 */
export const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // same-origin, not no-referrer: with no-referrer Chromium sends `Origin: null` on a plain form
  // POST and Next refuses the server action, so forms would stop working without JavaScript.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** For static files, which never need to run or load anything. */
export const STATIC_FILE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
