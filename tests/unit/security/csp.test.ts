import { describe, expect, it } from "vitest";
import { buildContentSecurityPolicy, generateNonce, STATIC_SECURITY_HEADERS } from "@/lib/security/csp";

/** "a b; c d" → { a: ["b"], c: ["d"] }, refusing a directive given twice (browsers keep the first). */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(";").map((p) => p.trim()).filter(Boolean)) {
    const [name, ...values] = part.split(/\s+/);
    expect(directives.has(name.toLowerCase()), `directive ${name} given twice`).toBe(false);
    directives.set(name.toLowerCase(), values);
  }
  return directives;
}

const nonce = "dGVzdC1ub25jZS0xMjM0NQ==";
const production = parsePolicy(buildContentSecurityPolicy(nonce, { development: false }));
const development = parsePolicy(buildContentSecurityPolicy(nonce, { development: true }));

describe("Content-Security-Policy (HD-01, DP-05)", () => {
  it("allows scripts only by this request's nonce with 'strict-dynamic' (HD-01)", () => {
    const scripts = production.get("script-src");
    expect(scripts).toContain(`'nonce-${nonce}'`);
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts?.some((source) => /^(https?:|\*|data:)/.test(source))).toBe(false);
  });

  it("has no 'unsafe-eval' anywhere in production (HD-01)", () => {
    for (const [name, values] of production) expect(values, name).not.toContain("'unsafe-eval'");
  });

  it("adds 'unsafe-eval' only for next dev's fast refresh", () => {
    expect(development.get("script-src")).toContain("'unsafe-eval'");
  });

  it.each([
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["frame-ancestors", "'none'"],
    ["form-action", "'self'"],
    ["connect-src", "'self'"],
    ["default-src", "'self'"],
  ])("sets %s to exactly %s (HD-01, DP-05)", (directive, value) => {
    expect(production.get(directive)).toEqual([value]);
  });

  it("loads nothing from third parties: no remote host, scheme wildcard or * in any directive (DP-05)", () => {
    for (const [name, values] of production) {
      for (const source of values) {
        expect(source, `${name} ${source}`).toMatch(/^('self'|'none'|'strict-dynamic'|'nonce-[A-Za-z0-9+/=]+'|data:)$/);
      }
    }
  });

  it("allows inline styles only by nonce, never 'unsafe-inline'", () => {
    expect(production.get("style-src")).toContain(`'nonce-${nonce}'`);
    expect(production.get("style-src")).not.toContain("'unsafe-inline'");
  });

  it("is one header line (no newline a header could not carry)", () => {
    expect(buildContentSecurityPolicy(generateNonce(), { development: false })).not.toMatch(/[\r\n]/);
  });
});

describe("CSP nonces (HD-01)", () => {
  it("carries at least 128 bits of randomness, base64-encoded", () => {
    const value = generateNonce();
    expect(value).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(Buffer.from(value, "base64").length).toBeGreaterThanOrEqual(16);
  });

  it("is different on every request (10,000 draws, no repeat)", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) seen.add(generateNonce());
    expect(seen.size).toBe(10_000);
  });
});

describe("static security headers (HD-02, HD-03)", () => {
  const header = (name: string) => STATIC_SECURITY_HEADERS.find((h) => h.key.toLowerCase() === name.toLowerCase())?.value;

  it("names each header once", () => {
    const names = STATIC_SECURITY_HEADERS.map((h) => h.key.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it("sends X-Content-Type-Options: nosniff (HD-03)", () => {
    expect(header("X-Content-Type-Options")).toBe("nosniff");
  });

  it("sends Referrer-Policy: same-origin (HD-03) — not no-referrer, which makes no-JavaScript form posts send Origin: null", () => {
    expect(header("Referrer-Policy")).toBe("same-origin");
  });

  it("sends HSTS with max-age ≥ 31536000 and includeSubDomains (HD-02)", () => {
    const hsts = header("Strict-Transport-Security") ?? "";
    const maxAge = Number(/max-age=(\d+)/i.exec(hsts)?.[1] ?? "0");
    expect(maxAge).toBeGreaterThanOrEqual(31_536_000);
    expect(hsts.split(";").map((part) => part.trim().toLowerCase())).toContain("includesubdomains");
  });

  it("refuses framing in browsers that predate frame-ancestors (X-Frame-Options: DENY)", () => {
    expect(header("X-Frame-Options")).toBe("DENY");
  });
});
