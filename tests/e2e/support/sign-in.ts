import { expect, type Page } from "@playwright/test";
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
export async function signInThroughForm(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email address", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible({ timeout: 90_000 });
}

/** The labels of the primary navigation. */
export async function navigationLabels(page: Page): Promise<string[]> {
  return page.getByRole("navigation", { name: "Menu" }).getByRole("link").allInnerTexts();
}
