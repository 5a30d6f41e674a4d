import { expect, type Page } from "@playwright/test";
import { generate } from "otplib";
import { DEMO_TOTP_SECRET } from "@/lib/security/mfa-secret";
import { DEMO_PASSWORD } from "@/lib/seed/demo/people";

export const DEMO_USERS = {
  caseworker: "caseworker@ses.example",
  nominatedOfficer: "officer@ses.example",
  manager: "manager@ses.example",
  administrator: "admin@ses.example",
} as const;

/**
 * The demo account with both manager and administrator roles. Tests that sign out through the
 * app use it, never an account that other specs sign in as by cookie (support/session-cookie.ts):
 * signing out ends every session of the account (SE-04).
 */
export const SIGN_OUT_ACCOUNT = "multi@ses.example";

/**
 * Sign in through the real form, as a user would: for the tests of signing in itself. Every
 * other test signs in by cookie (`test.use({ signedInAs })`, support/test.ts). The wait is
 * generous: the first sign-in after the server starts (argon2id, a cold server action, PGlite)
 * can take well over the default 10 seconds on a busy 2-core machine.
 */
export async function signInThroughForm(page: Page, email: string, password: string = DEMO_PASSWORD, totpSecret: string = DEMO_TOTP_SECRET): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email address", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await answerSecurityCode(page, totpSecret);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible({ timeout: 90_000 });
}

/**
 * The second step of signing in (docs/security.md AU-04), answered with the account's TOTP secret
 * (the demo accounts share lib/security/mfa-secret.ts DEMO_TOTP_SECRET). A code works once, so a
 * second sign-in of the same account within its 30 seconds waits for the next code.
 */
export async function answerSecurityCode(page: Page, totpSecret: string = DEMO_TOTP_SECRET): Promise<void> {
  const heading = page.getByRole("heading", { level: 1, name: "Enter your security code" });
  const signedIn = page.getByRole("navigation", { name: "Menu" });
  await expect(heading.or(signedIn).first()).toBeVisible({ timeout: 90_000 });
  if (!(await heading.isVisible())) return;
  let lastCode = "";
  for (let attempt = 0; attempt < 3; attempt += 1) {
    let code = await generate({ secret: totpSecret });
    while (code === lastCode) {
      await page.waitForTimeout(1_000);
      code = await generate({ secret: totpSecret });
    }
    lastCode = code;
    await page.getByLabel("Security code", { exact: true }).fill(code);
    await page.getByRole("button", { name: "Continue" }).click();
    // An earlier refusal's error summary may still be on screen: wait for the page to move on.
    const left = await page.waitForURL((url) => !url.pathname.startsWith("/sign-in/two-factor"), { timeout: 45_000 }).then(
      () => true,
      () => false,
    );
    if (left) {
      await expect(signedIn).toBeVisible({ timeout: 60_000 });
      return;
    }
  }
  throw new Error("The security code was refused three times");
}

/**
 * The labels of the primary navigation, without the unread count on "Notifications": the server's
 * own worker may have written today's reminder digests during the run (docs/decisions/0025-jobs-on-the-embedded-database.md).
 */
export async function navigationLabels(page: Page): Promise<string[]> {
  const labels = await page.getByRole("navigation", { name: "Menu" }).getByRole("link").allInnerTexts();
  return labels.map((label) => label.replace(/ \(\d+ unread\)$/, ""));
}

/** The set-up link an administrator is shown once after adding a user or resetting a password (AU-06). */
export async function shownPasswordLink(page: Page): Promise<string> {
  const link = page.locator(".ses-password-link");
  await expect(link).toBeVisible({ timeout: 30_000 });
  return (await link.innerText()).trim();
}

/**
 * A new user's first sign-in (docs/security.md AU-06, AU-04): they open their set-up link, choose
 * their password, sign in, and — when their role requires it — set up two-factor authentication
 * with the key the page shows, then see their recovery codes once. Returns the TOTP secret (or
 * null when none was needed), for signing in again.
 */
export async function firstSignInFromLink(page: Page, link: string, email: string, password: string): Promise<{ totpSecret: string | null; recoveryCodes: string[] }> {
  await page.goto(new URL(link).pathname);
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("Confirm new password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText("Your password is set.")).toBeVisible({ timeout: 30_000 });
  await page.getByLabel("Email address", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  const setUp = page.getByRole("heading", { level: 1, name: "Set up two-factor authentication" });
  const signedIn = page.getByRole("navigation", { name: "Menu" });
  await expect(setUp.or(signedIn).first()).toBeVisible({ timeout: 90_000 });
  if (!(await setUp.isVisible())) return { totpSecret: null, recoveryCodes: [] };
  const totpSecret = (await page.locator(".ses-secret-key").innerText()).replace(/\s/g, "");
  await page.getByLabel("Security code", { exact: true }).fill(await generate({ secret: totpSecret }));
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  await expect(page.getByRole("heading", { name: "Your recovery codes" })).toBeVisible({ timeout: 30_000 });
  const recoveryCodes = (await page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem").allInnerTexts()).map((code) => code.trim());
  await page.getByRole("button", { name: "I have saved my recovery codes" }).click();
  await expect(signedIn).toBeVisible({ timeout: 30_000 });
  return { totpSecret, recoveryCodes };
}
