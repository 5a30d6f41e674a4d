import { generate } from "otplib";
import { DEMO_TOTP_SECRET } from "@/lib/security/mfa-secret";
import { DEMO_PASSWORD } from "@/lib/seed/demo/people";
import { expectNoAccessibilityViolations } from "./support/axe";
import { tabAndEnter, tabTo } from "./support/keyboard";
import { daysAgo, fillReferral, goToRecordedCase, UC_ROUTE, CONTRACT_VARIANT } from "./support/referral-form";
import { expectNoSidewaysScroll } from "./support/reflow";
import { DEMO_USERS } from "./support/sign-in";
import { expect, test, type Page } from "./support/test";

/**
 * A caseworker's day by keyboard alone (docs/security.md UX-01, WCAG 2.1.1): sign in, find a case
 * by its reference from the work queue, acknowledge it from "What to do next", log a contact attempt
 * and add a note (3.08) — Tab, type, Space and Enter only. Every page on the way is checked with axe
 * and must not scroll sideways at 320 CSS px (WCAG 1.4.10).
 */

const DESKTOP = { width: 1280, height: 800 };

/** axe, then reflow at 320 px, then back to the desktop width. */
async function checkPage(page: Page): Promise<void> {
  await expectNoAccessibilityViolations(page);
  await expectNoSidewaysScroll(page);
  await page.setViewportSize(DESKTOP);
}

async function signInByKeyboard(page: Page, email: string): Promise<void> {
  await page.goto("/sign-in");
  await checkPage(page);
  await tabTo(page, page.getByLabel("Email address", { exact: true }));
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  // The second factor (AU-04), when the account has one: a code works once, so wait for a fresh one if refused.
  const codePage = page.getByRole("heading", { level: 1, name: "Enter your security code" });
  const signedIn = page.getByRole("navigation", { name: "Menu" });
  await expect(codePage.or(signedIn).first()).toBeVisible({ timeout: 90_000 });
  let lastCode = "";
  for (let attempt = 0; attempt < 3 && (await codePage.isVisible()); attempt += 1) {
    let code = await generate({ secret: DEMO_TOTP_SECRET });
    while (code === lastCode) {
      await page.waitForTimeout(1_000);
      code = await generate({ secret: DEMO_TOTP_SECRET });
    }
    lastCode = code;
    await tabTo(page, page.getByLabel("Security code", { exact: true }));
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type(code);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in/two-factor"), { timeout: 45_000 }).catch(() => undefined);
  }
  await expect(signedIn).toBeVisible({ timeout: 60_000 });
}

test.describe("a caseworker's day, by keyboard alone", () => {
  test.describe.configure({ timeout: 300_000 });

  test("signs in, finds a case from the queue, acknowledges it, logs a contact attempt and adds a note (3.08)", async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await signInByKeyboard(page, DEMO_USERS.caseworker);
    await checkPage(page);

    // Set-up, not the point of the test: a fresh referral of the caseworker's own, so no other spec touches it.
    await page.goto("/referrals/new");
    await fillReferral(page, {
      route: UC_ROUTE,
      overrideReason: CONTRACT_VARIANT,
      purchaseOrderNumber: "200870101",
      referralId: "PRAP-KBD-0101",
      provisionId: "SES-IA-LDS",
      nino: "CE 44 55 66 B",
      surname: "Keyboard-Day",
      referralDate: daysAgo(2),
      receivedOn: daysAgo(1),
      initialAssessment: daysAgo(1),
    });
    const caseId = await goToRecordedCase(page);
    const reference = (await page.locator(".ses-identity-bar").innerText()).match(/SES-\d{6}/)?.[0];
    expect(reference, "the case reference in the identity bar").toBeTruthy();

    // From home to the work queue, then the case by its reference.
    await page.goto("/");
    await tabAndEnter(page, page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Cases", exact: true }));
    await expect(page).toHaveURL(/\/cases(\?|$)/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await checkPage(page);
    await tabTo(page, page.getByLabel("Search cases", { exact: true }));
    await page.keyboard.type(reference!);
    await page.keyboard.press("Enter");
    const result = page.getByRole("link", { name: new RegExp(reference!) }).first();
    await expect(result).toBeVisible();
    await checkPage(page);
    await tabAndEnter(page, result);
    await expect(page).toHaveURL(new RegExp(`/cases/${caseId}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ms Niamh Keyboard-Day");
    await checkPage(page);

    // "What to do next": acknowledge the referral, and the banner says what happens next.
    const tasks = page.getByRole("region", { name: "What to do next" });
    await tabAndEnter(page, tasks.getByRole("link", { name: "Acknowledge the referral", exact: true }));
    await expect(page).toHaveURL(new RegExp(`/cases/${caseId}/act/acknowledge$`));
    await checkPage(page);
    await tabAndEnter(page, page.getByRole("button", { name: "Acknowledge the referral", exact: true }));
    await expect(page).toHaveURL(new RegExp(`/cases/${caseId}\\?done=acknowledge$`));
    await expect(page.getByRole("region", { name: "Participant" })).toContainText("Acknowledged");
    await expect(tasks.getByRole("link", { name: "Acknowledge the referral", exact: true })).toHaveCount(0);
    await checkPage(page);

    // Contact and notes: a contact attempt (today's date is filled in), then a note.
    const sections = page.getByRole("navigation", { name: "Case sections" });
    await tabAndEnter(page, sections.getByRole("link", { name: "Contact and notes" }));
    await expect(page).toHaveURL(new RegExp(`/cases/${caseId}/contact$`));
    await checkPage(page);
    await tabAndEnter(page, page.getByRole("button", { name: "Log a contact attempt" }).or(page.getByRole("link", { name: "Log a contact attempt" })).first());
    await expect(page).toHaveURL(new RegExp(`/cases/${caseId}/contact/attempt$`));
    await checkPage(page);
    // A radio group is one Tab stop; Space chooses the focused option.
    await tabTo(page, page.getByRole("group", { name: "How did you try to contact them?" }).getByRole("radio").first());
    await page.keyboard.press("Space");
    await tabTo(page, page.getByRole("group", { name: "What happened?" }).getByRole("radio").first());
    await page.keyboard.press("Space");
    await tabTo(page, page.getByLabel("Note (optional)", { exact: true }));
    await page.keyboard.type("Rang at 10am, left a voicemail");
    await tabAndEnter(page, page.getByRole("button", { name: "Log contact attempt", exact: true }));
    await expect(page).toHaveURL(new RegExp(`/cases/${caseId}/contact(\\?|$)`));
    await expect(page.getByText("Rang at 10am, left a voicemail")).toBeVisible();
    await checkPage(page);

    await tabAndEnter(page, page.getByRole("button", { name: "Add a note" }).or(page.getByRole("link", { name: "Add a note" })).first());
    await expect(page).toHaveURL(new RegExp(`/cases/${caseId}/contact/note$`));
    await checkPage(page);
    await tabTo(page, page.getByLabel("Add a note", { exact: true }));
    await page.keyboard.type("Booked the Initial Assessment for next Tuesday, by phone");
    await tabAndEnter(page, page.getByRole("button", { name: "Save note", exact: true }));
    await expect(page).toHaveURL(new RegExp(`/cases/${caseId}/contact(\\?|$)`));
    await expect(page.getByText("Booked the Initial Assessment for next Tuesday, by phone")).toBeVisible();
    await checkPage(page);
  });
});
