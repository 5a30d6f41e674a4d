import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { STATIC_SECURITY_HEADERS } from "@/lib/security/csp";

describe("next.config security settings (HD-02, HD-03, CS-03, SC-04)", () => {
  it("sends the static security headers on every path (HD-02, HD-03)", async () => {
    const rules = (await nextConfig.headers?.()) ?? [];
    const everyPath = rules.find((rule) => rule.source === "/:path*" || rule.source === "/(.*)");
    expect(everyPath, "a headers() rule matching every path").toBeDefined();
    for (const { key, value } of STATIC_SECURITY_HEADERS) {
      expect(everyPath?.headers, key).toContainEqual({ key, value });
    }
  });

  it("does not announce the framework: no X-Powered-By (HD-03)", () => {
    expect(nextConfig.poweredByHeader).toBe(false);
  });

  it("serves no browser source maps in production (SC-04)", () => {
    expect(nextConfig.productionBrowserSourceMaps ?? false).toBe(false);
  });

  it("allows server actions from our own origin only: allowedOrigins unset or exact hosts, never a wildcard or 'null' (CS-03)", () => {
    const allowed = nextConfig.experimental?.serverActions?.allowedOrigins ?? [];
    for (const origin of allowed) {
      expect(origin, origin).not.toMatch(/\*/);
      expect(origin.toLowerCase(), origin).not.toBe("null");
    }
  });
});
