import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

describe("safeCallbackUrl: after sign-in, go only to a same-origin relative path (IV-04)", () => {
  it.each([
    ["protocol-relative //evil.com", "//evil.com"],
    ["protocol-relative with path", "//evil.com/cases"],
    ["absolute https URL", "https://evil.com"],
    ["absolute http URL", "http://evil.com/cases"],
    ["absolute URL to our own host (still not a path)", "https://ses.example/cases"],
    ["backslash trick /\\evil.com", "/\\evil.com"],
    ["backslash trick \\\\evil.com", "\\\\evil.com"],
    ["backslash later in the path", "/cases\\..\\..\\evil.com"],
    ["javascript: URL", "javascript:alert(document.cookie)"],
    ["JavaScript: URL in mixed case", "JaVaScRiPt:alert(1)"],
    ["data: URL", "data:text/html,<script>alert(1)</script>"],
    ["relative path without a leading slash", "cases/123"],
    ["host name without a scheme", "evil.com"],
    ["tab inside the path (browsers drop it: /\\t/evil.com becomes //evil.com)", "/\t/evil.com"],
    ["newline inside the path", "/\n/evil.com"],
    ["carriage return inside the path", "/cases\r\nSet-Cookie: x=1"],
    ["NUL inside the path", "/cases\u0000"],
    ["DEL inside the path", "/cases\u007f"],
    ["tab before a protocol-relative URL", "\t//evil.com"],
    ["the sign-in page (no redirect loop)", "/sign-in"],
    ["the sign-in page with a query", "/sign-in?callbackUrl=%2F%2Fevil.com"],
    ["an API route", "/api/auth/signout"],
  ])("refuses %s → '/' (IV-04)", (_label, candidate) => {
    expect(safeCallbackUrl(candidate)).toBe("/");
  });

  it.each([null, undefined, "", "   "])("falls back to '/' when there is nothing (%j)", (candidate) => {
    expect(safeCallbackUrl(candidate)).toBe("/");
  });

  it.each(["/", "/cases", "/cases?page=2", "/cases?page=2&sort=deadline#top", "/admin/users/3f2504e0-4f89-41d3-9a0c-0305e82c3301"])(
    "keeps the same-origin path %s",
    (path) => {
      expect(safeCallbackUrl(path)).toBe(path);
    },
  );

  it("trims surrounding whitespace and then checks what is left in full: '\\t/x' → '/x', never an off-site URL", () => {
    // Browsers strip leading and trailing C0 controls and spaces from a URL too, so the trimmed
    // value is what a browser would follow; it must pass every check on its own.
    expect(safeCallbackUrl("\t/x")).toBe("/x");
    expect(safeCallbackUrl("  /cases?page=2  ")).toBe("/cases?page=2");
    expect(safeCallbackUrl("\n//evil.com")).toBe("/");
    expect(safeCallbackUrl(" https://evil.com")).toBe("/");
  });

  it("only ever returns a path that a browser resolves against our own origin", () => {
    const tricks = ["//evil.com", "/\\evil.com", "\t//evil.com", "/\t/evil.com", "https:evil.com", "\\/evil.com", "/%2F/evil.com", "/.//evil.com"];
    for (const candidate of tricks) {
      const result = safeCallbackUrl(candidate);
      expect(new URL(result, "https://ses.example").origin, JSON.stringify(candidate)).toBe("https://ses.example");
    }
  });
});
