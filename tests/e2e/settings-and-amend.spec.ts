import { expectNoAccessibilityViolations } from "./support/axe";
import { fillDate, fillReferral, goToRecordedCase, recordReferral, UC_ROUTE } from "./support/referral-form";
import { firstSignInFromLink, shownPasswordLink } from "./support/sign-in";
import { expect, test } from "./support/test";

/**
 * Settings and contacts (docs/rules/reasons-and-settings.md) and "amend with reason"
 * (docs/rules/states.md: corrections; docs/decisions/0012-corrections-by-an-administrator.md).
 */
test.describe("settings and contacts", () => {
  test.use({ signedInAs: "administrator" });

  test("an administrator changes a setting through its schema and keeps a site's JCP SPoC", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Settings and contacts" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings and contacts");
    await expectNoAccessibilityViolations(page);

    // The acknowledgement prompt drives no clock yet, so changing it cannot disturb another spec.
    const label = "Working days before an unacknowledged referral is shown in amber";
    await page.getByRole("link", { name: `Change ${label}` }).click();
    await page.getByLabel(label).fill("99");
    await page.getByRole("button", { name: "Save setting" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("whole number from 0 to 20");
    await expect(page.getByLabel(label)).toHaveValue("99");
    await expectNoAccessibilityViolations(page);
    await page.getByLabel(label).fill("4");
    await page.getByRole("button", { name: "Save setting" }).click();
    await expect(page.locator(".govuk-notification-banner")).toContainText("Setting saved");
    await page.getByRole("link", { name: `Change ${label}` }).click();
    await page.getByLabel(label).fill("2");
    await page.getByRole("button", { name: "Save setting" }).click();
    await expect(page.locator(".govuk-notification-banner")).toContainText("Setting saved");

    await page.getByRole("link", { name: "Change contacts (Leeds Central)" }).click();
    await expectNoAccessibilityViolations(page);
    await page.getByLabel("JCP single point of contact (SPoC)").check();
    await page.getByLabel("Name", { exact: true }).fill("Sam E2E Spoc");
    await page.getByRole("button", { name: "Add contact" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("Enter a telephone number or an email address");
    await page.getByLabel("Telephone number").fill("0113 496 0777");
    await page.getByRole("button", { name: "Add contact" }).click();
    await expect(page.locator(".govuk-notification-banner")).toContainText("Contact added");
    const card = page.locator(".govuk-summary-card").filter({ hasText: "Sam E2E Spoc" });
    await expect(card).toContainText("0113 496 0777");
    await page.locator("div").filter({ has: card }).last().getByRole("button", { name: "Remove" }).click();
    await expect(page.locator(".govuk-notification-banner")).toContainText("Contact removed");
    await expect(page.locator(".govuk-summary-card").filter({ hasText: "Sam E2E Spoc" })).toHaveCount(0);
  });
});

test.describe("amend with reason", () => {
  test.use({ signedInAs: "administrator" });

  test("an administrator who also works cases corrects a referral date; the timeline shows before and after", async ({ page }) => {
    // A user of their own, so no other spec's account changes: caseworker and administrator.
    const tag = `${Date.now()}`.slice(-6);
    const email = `amend-${tag}@ses.example`;
    await page.goto("/admin/users/new");
    await page.getByLabel("Full name").fill(`Ada Amender ${tag}`);
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Caseworker", { exact: true }).check();
    await page.getByLabel("Administrator", { exact: true }).check();
    await page.getByLabel("Leeds Central", { exact: true }).check();
    await page.getByRole("button", { name: /Add|Create/ }).click();
    await expect(page.locator(".govuk-notification-banner")).toBeVisible();
    const link = await shownPasswordLink(page);

    // Their first sign-in: the set-up link, then two-factor set-up (an administrator must, AU-04).
    await page.context().clearCookies();
    await firstSignInFromLink(page, link, email, "Quartz-Meadow-Lantern-7481");
    await page.goto("/referrals/new");
    await fillReferral(page, {
      route: UC_ROUTE,
      purchaseOrderNumber: `2${tag}01`.slice(0, 9).padEnd(9, "0"),
      referralId: `PRAP-E2E-AMEND-${tag}`,
      provisionId: "SES-IA-LDS",
      nino: `AB ${tag.slice(0, 2)} ${tag.slice(2, 4)} ${tag.slice(4, 6)} A`,
      surname: `Amend${tag}`,
      initialAssessment: "2017-04-24",
    });
    await recordReferral(page);
    await expect(page.locator(".govuk-error-summary")).toHaveCount(0);
    await goToRecordedCase(page);

    // Corrections sit with the case's history, on its Timeline.
    await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Timeline" }).click();
    await page.getByRole("link", { name: "Amend with reason" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Amend with reason");
    await expectNoAccessibilityViolations(page);
    await page.getByRole("radio", { name: "Referral date" }).check();
    await fillDate(page, "Corrected date", "14", "4", "2017");
    await page.getByLabel("Reason for the correction").fill("Keyed from the wrong PRaP e-mail");
    await page.getByRole("button", { name: "Correct the date" }).click();
    // 14 April 2017 is after the date it was received: refused, nothing saved.
    await expect(page.locator(".govuk-error-summary")).toContainText("cannot be after the date the referral was received");
    await expectNoAccessibilityViolations(page);
    await fillDate(page, "Corrected date", "12", "4", "2017");
    await page.getByRole("button", { name: "Correct the date" }).click();
    await expect(page.locator(".moj-timeline")).toContainText("Date corrected (amend with reason)");
    await expect(page.locator(".moj-timeline")).toContainText("Referral date: Thursday 13 April 2017 → Wednesday 12 April 2017. Reason: Keyed from the wrong PRaP e-mail");
  });
});
