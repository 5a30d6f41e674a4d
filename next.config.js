import { STATIC_FILE_CSP, STATIC_SECURITY_HEADERS } from "./lib/security/static-headers.mjs";

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false, // HD-03
  // The same on every instance of one release (docs/security.md SO-02): set SES_DEPLOYMENT_ID at
  // build and start; unset, Next.js uses none (one build shared by all instances needs none).
  deploymentId: process.env.SES_DEPLOYMENT_ID || undefined,
  reactStrictMode: true,
  // PGlite loads its WASM from its own package folder: bundling it breaks that (docs/stack-notes.md).
  // graphile-worker (the embedded database's in-process worker, instrumentation.ts) loads its own files at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "graphile-worker"],
  productionBrowserSourceMaps: false, // SC-04
  // `npm test` runs `tsc --noEmit` over the whole project first; not again inside every build.
  typescript: { ignoreBuildErrors: true },
  // /referrals/import takes a spreadsheet of up to 20 MB (docs/decisions/0023-bulk-import-and-expected-referrals.md);
  // the multipart envelope adds a little. Every other action's input is small and length-checked by its schema.
  // preloadEntriesOnStart: Next.js loads every route's server code at start by default (about 100
  // routes, ~40 MB resident before the first request); each is loaded on its first request instead
  // (docs/decisions/0034-case-page-and-server-memory.md).
  experimental: { serverActions: { bodySizeLimit: "21mb" }, proxyClientMaxBodySize: "21mb", preloadEntriesOnStart: false },
  async headers() {
    return [
      { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
      // Pages get a nonce-based CSP from proxy.ts; static files (which proxy.ts skips) get a closed one.
      { source: "/_next/static/:path*", headers: [{ key: "Content-Security-Policy", value: STATIC_FILE_CSP }] },
      { source: "/:file(favicon.ico|icon.svg|robots.txt|manifest.webmanifest)", headers: [{ key: "Content-Security-Policy", value: STATIC_FILE_CSP }] },
    ];
  },
};

export default nextConfig;
