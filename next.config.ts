import type { NextConfig } from "next";
import { STATIC_FILE_CSP, STATIC_SECURITY_HEADERS } from "./lib/security/csp";

const nextConfig: NextConfig = {
  poweredByHeader: false, // HD-03
  reactStrictMode: true,
  // PGlite loads its WASM from its own package folder: bundling it breaks that (stack-notes.md).
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2"],
  productionBrowserSourceMaps: false, // SC-04
  // Every page's <title> is rendered with its content, never streamed after it: Next streams
  // metadata for dynamic pages to all user agents except "HTML-limited bots", so on a client
  // navigation (a server-action redirect) the page committed before its title and a screen
  // reader announced a page with no title. Treating every user agent as such a bot makes the
  // metadata part of the head that is committed with the page. Our metadata is static, so
  // nothing waits on it.
  htmlLimitedBots: /.*/,
  // `npm test` runs `tsc --noEmit` over the whole project first; not again inside every build.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
      // Pages get a nonce-based CSP from proxy.ts; static files (which proxy.ts skips) get a closed one.
      { source: "/_next/static/:path*", headers: [{ key: "Content-Security-Policy", value: STATIC_FILE_CSP }] },
    ];
  },
};

export default nextConfig;
