import { randomUUID } from "node:crypto";
import { expectNoAccessibilityViolations, expectPageTitled } from "./support/axe";
import { expectPrintView } from "./support/print";
import { expectNoSidewaysScroll } from "./support/reflow";
import { CHECK_ANSWERS_HEADING, continueToCheckAnswers, fillReferral, goToRecordedCase, UC_ROUTE } from "./support/referral-form";
import { expect, test } from "./support/test";

/**
 * Intake with check your answers (docs/decisions/0018-check-answers-before-a-case-is-created.md),
 * page titles (docs/security.md UX-03; WCAG 2.4.2), print views and reflow (WCAG 1.4.10).
 * The caseworker's site is Leeds Central (England and Wales): a referral of 13 April 2017 must
 * start by Tuesday 16 May 2017 (13.13; docs/rules/clocks.md worked example).
 */

const run = String(process.pid % 1000).padStart(3, "0");

test.describe("intake: check your answers", () => {
  test.use({ signedInAs: "caseworker" });

  test("by keyboard: Continue shows the answers and the key deadlines; Change returns to the field with every answer kept (13.13)", async ({ page }) => {
    await page.goto("/referrals/new");
    await fillReferral(page, {
      route: UC_ROUTE,
      purchaseOrderNumber: `200${run}871`,
      referralId: `PRAP-CYA-${run}-1`,
      provisionId: "SES-IA-LDS",
      nino: `JY ${run.slice(0, 2)} 87 1${run.slice(2)} A`,
      surname: "Keyboard-Check",
      initialAssessment: "2017-04-24",
    });
    await page.getByRole("button", { name: "Continue", exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toContainText(CHECK_ANSWERS_HEADING);
    await expectNoAccessibilityViolations(page, { title: "Check your answers before recording the referral" });
    const deadlines = page.getByTestId("key-deadlines");
    await expect(deadlines.locator(".govuk-summary-list__row", { hasText: "Start on provision" })).toContainText("Tuesday 16 May 2017");
    await expect(page.locator("main")).toContainText("Thursday 13 April 2017");
    await expect(page.locator("main")).toContainText("Keyboard-Check");
    await expect(page.locator("main")).not.toContainText(/\b(prap_two_stage|work_coach|ia_opportunity)\b/);

    await page.getByRole("button", { name: "Change referral date", exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Record a PRaP referral");
    const referralDate = page.getByRole("group", { name: "Referral date", exact: true });
    await expect(referralDate.getByLabel("Day", { exact: true })).toBeFocused();
    await expect(referralDate.getByLabel("Day", { exact: true })).toHaveValue("13");
    await expect(page.getByLabel("Surname", { exact: true })).toHaveValue("Keyboard-Check");
    await expect(page.getByLabel("Description of the most recent job", { exact: true })).toHaveValue("Kitchen porter");
    await expectNoAccessibilityViolations(page, { title: "Record a PRaP referral" });

    await continueToCheckAnswers(page);
    await page.getByRole("button", { name: "Record referral", exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/referrals\/recorded\/[0-9a-f-]{36}$/);
    // The server action's redirect is a client-side navigation: focus moves to the new page's heading.
    await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
    const caseId = await goToRecordedCase(page);

    // The UC452 print view of the new case (13.21): marked, printed by whom, no service chrome.
    await page.goto(`/cases/${caseId}/forms/uc452/print`);
    const reference = (await page.locator(".govuk-caption-l").first().innerText()).replace(/^Case /, "").trim();
    await expectNoAccessibilityViolations(page, { title: `UC452 Claimant Tracker – ${reference}` });
    await expectPrintView(page, "Amira Hussain");
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("errors title the page Error:, Change keeps the answers, and the referral is recorded through the check page (UX-03)", async ({ page }) => {
      await page.goto("/referrals/new");
      await page.getByRole("button", { name: "Continue", exact: true }).click();
      await expect(page.locator(".govuk-error-summary")).toContainText("There is a problem");
      await expect(page).toHaveTitle("Error: Record a PRaP referral – SES Casework");

      await fillReferral(page, {
        route: UC_ROUTE,
        purchaseOrderNumber: `200${run}872`,
        referralId: `PRAP-CYA-${run}-2`,
        provisionId: "SES-IA-LDS",
        nino: `JY ${run.slice(0, 2)} 87 2${run.slice(2)} A`,
        surname: "No-Script",
        initialAssessment: "2017-04-24",
      });
      await continueToCheckAnswers(page);
      await expect(page).toHaveTitle("Check your answers before recording the referral – SES Casework");
      await page.getByRole("button", { name: "Change surname", exact: true }).click();
      await expect(page).toHaveTitle("Record a PRaP referral – SES Casework");
      await expect(page.getByLabel("Surname", { exact: true })).toHaveValue("No-Script");
      await expect(page.getByLabel("Purchase order number", { exact: true })).toHaveValue(`200${run}872`);
      await page.getByLabel("Surname", { exact: true }).fill("No-Script-Changed");
      await continueToCheckAnswers(page);
      await expect(page.locator("main")).toContainText("No-Script-Changed");
      await page.getByRole("button", { name: "Record referral", exact: true }).click();
      await expect(page).toHaveURL(/\/referrals\/recorded\/[0-9a-f-]{36}$/);
    });
  });
});

test.describe("page titles", () => {
  test.use({ signedInAs: "caseworker" });

  test("a 404 is titled Page not found: a case that does not exist, and an unknown address (UX-03, AC-01)", async ({ page }) => {
    for (const path of [`/cases/${randomUUID()}`, "/no-such-page", `/cases/${randomUUID()}/forms/uc452/print`]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
      await expectPageTitled(page, "Page not found");
    }
  });
});

test.describe("page titles without JavaScript", () => {
  test.use({ signedInAs: "nominatedOfficer", javaScriptEnabled: false });

  test("the SRO and SL2 intakes title their error pages Error: without JavaScript too (UX-03)", async ({ page }) => {
    for (const [path, heading] of [
      ["/referrals/new/sro", "Record an SRO introduction"],
      ["/restricted/new", "Record a received SL2"],
    ] as const) {
      await page.goto(path);
      await expect(page).toHaveTitle(`${heading} – SES Casework`);
      await page.getByRole("button", { name: "Continue", exact: true }).click();
      await expect(page.locator(".govuk-error-summary")).toBeVisible();
      await expect(page).toHaveTitle(`Error: ${heading} – SES Casework`);
    }
  });
});

test.describe("reflow at 320 CSS px (WCAG 1.4.10)", () => {
  test.use({ signedInAs: "administrator" });

  test("the bank holidays and admin pages do not scroll sideways", async ({ page }) => {
    for (const path of ["/admin/bank-holidays", "/admin/users", "/admin/sites", "/admin/settings", "/referrals/new"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSidewaysScroll(page);
    }
  });
});
