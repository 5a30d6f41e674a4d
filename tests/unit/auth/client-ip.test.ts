import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/auth/client-ip";

const headers = (entries: Record<string, string>) => new Headers(entries);

describe("clientIp: the address used for throttling and audit (AU-02, AU-08)", () => {
  it("takes the first X-Forwarded-For hop (the client, as written by our proxy)", () => {
    expect(clientIp(headers({ "x-forwarded-for": "203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientIp(headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.2, 10.0.0.1" }))).toBe("203.0.113.7");
    expect(clientIp(headers({ "x-forwarded-for": "  203.0.113.7  ,10.0.0.2" }))).toBe("203.0.113.7");
  });

  it("accepts IPv6 addresses", () => {
    expect(clientIp(headers({ "x-forwarded-for": "2001:db8::1" }))).toBe("2001:db8::1");
    expect(clientIp(headers({ "x-forwarded-for": "::ffff:192.0.2.128" }))).toBe("::ffff:192.0.2.128");
  });

  it("falls back to X-Real-IP when there is no X-Forwarded-For", () => {
    expect(clientIp(headers({ "x-real-ip": "198.51.100.4" }))).toBe("198.51.100.4");
    expect(clientIp(headers({ "x-forwarded-for": "", "x-real-ip": "198.51.100.4" }))).toBe("198.51.100.4");
  });

  it("prefers X-Forwarded-For over X-Real-IP", () => {
    expect(clientIp(headers({ "x-forwarded-for": "203.0.113.7", "x-real-ip": "198.51.100.4" }))).toBe("203.0.113.7");
  });

  it("answers 'unknown' when neither header is present", () => {
    expect(clientIp(new Headers())).toBe("unknown");
  });

  it.each([
    ["a script", "<script>alert(1)</script>"],
    ["SQL", "1.2.3.4'; DROP TABLE \"User\"; --"],
    ["a host name", "evil.example.com"],
    ["an over-long value", "1".repeat(46)],
    ["a single character", "1"],
    ["an address with a port and brackets", "[2001:db8::1]:443"],
  ])("answers 'unknown' for %s, so nothing odd reaches the audit log or a rate-limit key", (_label, value) => {
    expect(clientIp(headers({ "x-forwarded-for": value }))).toBe("unknown");
  });
});
