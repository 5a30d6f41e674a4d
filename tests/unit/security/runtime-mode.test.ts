import { describe, expect, it } from "vitest";
import { authSecretProblem, runtimeMode } from "@/lib/domain/runtime-mode";

/** docs/security.md AU-05: production fails closed; the demo is asked for by name. */
describe("runtime mode (AU-05)", () => {
  it("is production under NODE_ENV=production (as `next start` sets it) when no demo flag is given (AU-05)", () => {
    expect(runtimeMode({ NODE_ENV: "production" })).toBe("production");
    expect(runtimeMode({ NODE_ENV: "production", SES_MODE: "" })).toBe("production");
  });

  it("is the demo only when asked for by name, or outside a production build (AU-05)", () => {
    expect(runtimeMode({ NODE_ENV: "production", SES_MODE: "demo" })).toBe("demo");
    expect(runtimeMode({ NODE_ENV: "production", SES_MODE: " Demo " })).toBe("demo");
    expect(runtimeMode({})).toBe("demo");
    expect(runtimeMode({ NODE_ENV: "development" })).toBe("demo");
  });

  it("treats any other SES_MODE, a typo included, as production (AU-05: fail closed)", () => {
    expect(runtimeMode({ SES_MODE: "production" })).toBe("production");
    expect(runtimeMode({ SES_MODE: "prod" })).toBe("production");
    expect(runtimeMode({ SES_MODE: "demo-please", NODE_ENV: "development" })).toBe("production");
  });

  it("refuses a missing, blank or short AUTH_SECRET and accepts one of 32 bytes or more (AU-05)", () => {
    expect(authSecretProblem(undefined)).toMatch(/required/);
    expect(authSecretProblem("   ")).toMatch(/required/);
    expect(authSecretProblem("x".repeat(31))).toMatch(/at least 32 bytes/);
    expect(authSecretProblem("x".repeat(32))).toBeNull();
    // Bytes, not characters: 16 two-byte characters are 32 bytes.
    expect(authSecretProblem("é".repeat(16))).toBeNull();
    expect(authSecretProblem("é".repeat(15))).toMatch(/at least 32 bytes/);
  });
});
