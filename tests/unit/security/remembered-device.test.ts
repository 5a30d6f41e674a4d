import { describe, expect, it } from "vitest";
import { cookieFromHeader, hashDeviceId, newDeviceId, readDeviceCookie, rememberedDeviceCookieName, signDeviceId } from "@/lib/security/remembered-device";

/** The remembered-device cookie (docs/security.md AU-02): random, signed, and only its hash is stored. */
const SECRET = "unit-test-secret-0123456789abcdefghijklmnopqrstuv";

describe("remembered-device cookie (AU-02)", () => {
  it("AU-02: reads back a device id this server signed, and nothing forged, altered or signed with another secret", () => {
    const id = newDeviceId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const value = signDeviceId(id, SECRET);
    expect(readDeviceCookie(value, SECRET)).toBe(id);
    expect(readDeviceCookie(value, `${SECRET}x`)).toBeNull();
    expect(readDeviceCookie(`${newDeviceId()}.${value.split(".")[1]}`, SECRET)).toBeNull();
    expect(readDeviceCookie(`${id}.`, SECRET)).toBeNull();
    expect(readDeviceCookie(id, SECRET)).toBeNull();
    expect(readDeviceCookie(`${value}.extra`, SECRET)).toBeNull();
    expect(readDeviceCookie("", SECRET)).toBeNull();
    expect(readDeviceCookie(value, undefined)).toBeNull();
  });

  it("AU-02: gives a fresh random id each time and stores a SHA-256 hash, never the id", () => {
    const a = newDeviceId();
    expect(newDeviceId()).not.toBe(a);
    expect(hashDeviceId(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashDeviceId(a)).not.toContain(a);
  });

  it("AU-02: is a __Host- cookie when cookies are Secure, and is found by name in a Cookie header", () => {
    expect(rememberedDeviceCookieName(true)).toBe("__Host-ses.device");
    expect(cookieFromHeader("a=1; __Host-ses.device=abc.def; b=2", "__Host-ses.device")).toBe("abc.def");
    expect(cookieFromHeader("x__Host-ses.device=1", "__Host-ses.device")).toBeNull();
    expect(cookieFromHeader(null, "__Host-ses.device")).toBeNull();
  });
});
