import { describe, expect, it } from "vitest";
import { commonPasswordCount, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from "@/lib/domain/password-policy";

const TOO_SHORT = "Password must be 12 characters or more";
const TOO_LONG = "Password must be 256 characters or fewer";
const TOO_COMMON = "Password is too common: choose a longer phrase that others would not guess";
const PERSONAL = "Password must not contain your name, your email address or the name of this service";

describe("password policy (AU-03)", () => {
  it("refuses 11 characters and accepts 12 (AU-03)", () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(passwordProblem("kq7 vlzm3wr")).toBe(TOO_SHORT);
    expect(passwordProblem("kq7 vlzm3wrp")).toBeNull();
  });

  it("accepts 256 characters and refuses 257, so long passphrases (≥ 64) are welcome (AU-03)", () => {
    expect(PASSWORD_MAX_LENGTH).toBe(256);
    const phrase = (length: number) => "tangerine lighthouse quietly ".repeat(10).slice(0, length);
    expect(passwordProblem(phrase(64))).toBeNull();
    expect(passwordProblem(phrase(256))).toBeNull();
    expect(passwordProblem(phrase(257))).toBe(TOO_LONG);
  });

  it("imposes no composition rules: lower-case letters and spaces alone are fine (AU-03)", () => {
    expect(passwordProblem("walrus umbrella tuesday")).toBeNull();
    expect(passwordProblem("walrusumbrellatuesday")).toBeNull();
  });

  it.each(["password1234", "qwerty123456", "passwordpassword", "123456789012", "1qaz2wsx3edc", "leavemealone"])(
    "refuses the common password %s (offline deny-list, AU-03)",
    (common) => {
      expect(passwordProblem(common)).toBe(TOO_COMMON);
    },
  );

  it("refuses a common password whatever its letter case (AU-03)", () => {
    expect(passwordProblem("PASSWORD1234")).toBe(TOO_COMMON);
    expect(passwordProblem("Qwerty123456")).toBe(TOO_COMMON);
  });

  it("refuses one character repeated", () => {
    expect(passwordProblem("aaaaaaaaaaaa")).toBe(TOO_COMMON);
    expect(passwordProblem("111111111111111")).toBe(TOO_COMMON);
  });

  it("checks against a deny-list of at least 3000 common passwords (AU-03)", () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(3000);
  });

  it("refuses a password containing the local part of the user's email address (AU-03)", () => {
    expect(passwordProblem("my name is janedoe really", { email: "janedoe@provider.example" })).toBe(PERSONAL);
    expect(passwordProblem("JANEDOE-and-some-more", { email: "janedoe@provider.example" })).toBe(PERSONAL);
    expect(passwordProblem("walrus umbrella tuesday", { email: "janedoe@provider.example" })).toBeNull();
  });

  it("refuses a password containing the user's name, ignoring spaces and case", () => {
    expect(passwordProblem("xx jane doe forever xx", { name: "Jane Doe" })).toBe(PERSONAL);
    expect(passwordProblem("xxJaneDoeForeverxx", { name: "Jane Doe" })).toBe(PERSONAL);
  });

  it("refuses a password containing the name of the service", () => {
    expect(passwordProblem("my SES Casework login 2026")).toBe(PERSONAL);
  });

  it("ignores very short names and email local parts (under 4 characters) rather than refusing half the alphabet", () => {
    expect(passwordProblem("walrus umbrella tuesday", { email: "al@provider.example", name: "Al" })).toBeNull();
  });
});
