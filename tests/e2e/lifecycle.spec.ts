import { expect, test, type Page } from "./support/test";
import { todayInLondon } from "@/lib/calendar/iso-date";
import { demoCaseId } from "@/lib/seed/demo";
import { expectNoAccessibilityViolations } from "./support/axe";

/** The referral lifecycle from the case page (docs/rules/states.md): one page per step, check answers before closing. */

/** Fills the date question `group` (its legend); a step may also ask when it happened (docs/rules/decisions.md: business dates). */
async function fillDate(page: Page, group: string, date: string) {
  const [year, month, day] = date.split("-");
  const fields = page.getByRole("group", { name: group });
  await fields.getByLabel("Day", { exact: true }).fill(String(Number(day)));
  await fields.getByLabel("Month", { exact: true }).fill(String(Number(month)));
  await fields.getByLabel("Year", { exact: true }).fill(year);
}

/** The case's state as the identity bar shows it. */
function identityState(page: Page) {
  return page.getByRole("region", { name: "Participant" }).locator(".ses-identity-bar__identifier").filter({ hasText: /^State/ });
}

test.describe("the referral lifecycle", () => {
  test.use({ signedInAs: "caseworker" });

  test("a caseworker records the start of an accepted UC case", async ({ page }) => {
    const caseId = demoCaseId("uc-accepted-at-risk");
    await page.goto(`/cases/${caseId}`);
    const next = page.getByRole("region", { name: "What to do next" });
    await expect(next.getByRole("link", { name: "Record the start date" })).toBeVisible();
    // Only what the state machine offers: an accepted referral cannot be rejected (13.34).
    await expect(next.getByRole("link", { name: "Reject the referral" })).toHaveCount(0);
    await expectNoAccessibilityViolations(page);

    await next.getByRole("link", { name: "Record the start date" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Record the start date" })).toBeVisible();
    await expectNoAccessibilityViolations(page);

    // Nothing entered: the GOV.UK error summary, linked to the field.
    await page.getByRole("button", { name: "Record the start date" }).click();
    const summary = page.locator(".govuk-error-summary");
    await expect(summary).toContainText("Enter the start date");
    await expect(page).toHaveTitle(/^Error: /);
    await expectNoAccessibilityViolations(page);

    await fillDate(page, "Start date", todayInLondon(new Date()));
    await page.getByRole("button", { name: "Record the start date" }).click();
    await expect(page).toHaveURL(new RegExp(`/cases/${caseId}\\?done=record-start`));
    await expect(identityState(page)).toContainText("Started");
    await expect(page.getByRole("region", { name: "What to do next" }).getByRole("link", { name: "Record completion" })).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });

  test("a caseworker records a 2017 customer leaving early, through the check-answers page", async ({ page }) => {
    const caseId = demoCaseId("s17-started");
    await page.goto(`/cases/${caseId}`);
    await page.getByRole("region", { name: "What to do next" }).getByRole("link", { name: "Record early leaving" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Record early leaving" })).toBeVisible();
    await expectNoAccessibilityViolations(page);

    // The reason is required; the answers are kept.
    await fillDate(page, "Date they left", todayInLondon(new Date()));
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("Select the reason they left early");
    await expect(page.getByRole("group", { name: "Date they left" }).getByLabel("Year", { exact: true })).not.toHaveValue("");
    await expectNoAccessibilityViolations(page);

    await page.getByLabel("Found work", { exact: true }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Check your answers/ })).toBeVisible();
    await expect(page.locator(".govuk-summary-list")).toContainText("Found work");
    await expectNoAccessibilityViolations(page);

    await page.getByRole("button", { name: "Confirm: record early leaving" }).click();
    await expect(page).toHaveURL(new RegExp(`/cases/${caseId}\\?done=record-early-leaving`));
    await expect(identityState(page)).toContainText("Left early");
    // No step is left; the one task is the exit notice, with its clock (3.16).
    await expect(page.getByRole("region", { name: "What to do next" }).getByRole("link")).toHaveText(["Send the Customer Exit Tracker to the DEA or Work Coach"]);
    await expectNoAccessibilityViolations(page);

    // The step is gone: its page says why, in the state machine's words, and offers no button.
    await page.goto(`/cases/${caseId}/act/record-early-leaving`);
    await expect(page.locator("main")).toContainText(/left early/i);
    await expect(page.getByRole("button", { name: /Continue|Confirm/ })).toHaveCount(0);
    await expectNoAccessibilityViolations(page);
  });
});
