import { expectNoAccessibilityViolations } from "./support/axe";
import { fillIsoDate, fillReferral, goToRecordedCase, openOptionalSection, recordReferral, SES_2017_ROUTE, UC_ROUTE } from "./support/referral-form";
import { expect, test } from "./support/test";

/**
 * PRaP referral intake (docs/rules/routes.md, routes 1 and 2): a caseworker records a referral on
 * one page; a bad submission shows every error and keeps what was typed; the new case opens with
 * its reference and its start deadline. The referral date is Thursday 13 April 2017 at Leeds
 * Central (England and Wales), so the 20-working-day start is due Tuesday 16 May 2017 (13.13).
 */

const PREFIX_MESSAGE =
  "Purchase order number must start with 2 for Universal Credit or 1 for other benefits, like 200123456 or 100123456";

test.describe("PRaP referral intake", () => {
  test.use({ signedInAs: "caseworker" });

  test("a caseworker records a UC referral: a bad purchase order first, then the new case with its start deadline", async ({ page }) => {
    await page.goto("/referrals/new");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Record a PRaP referral");
    // The caseworker's own site is chosen for them. Changed on purpose: the date received
    // is never the keying day — it is empty, then filled in with the referral date as it is typed (13.17).
    await expect(page.getByLabel("Site", { exact: true }).locator("option:checked")).toHaveText("Leeds Central");
    const received = page.getByRole("group", { name: "Date the referral was received", exact: true });
    await expect(received.getByLabel("Year", { exact: true })).toHaveValue("");
    await fillIsoDate(page, "Referral date", "2017-04-12");
    await expect(received.getByLabel("Day", { exact: true })).toHaveValue("12");
    await expect(received.getByLabel("Year", { exact: true })).toHaveValue("2017");
    await expectNoAccessibilityViolations(page);

    await fillReferral(page, {
      route: "Universal Credit, two-stage (Chapter 13, 2016)",
      purchaseOrderNumber: "300123456",
      referralId: "PRAP-E2E-0001-IA",
      provisionId: "SES-IA-LDS",
      nino: "AB 12 34 56 C",
      surname: "Gallagher",
      initialAssessment: "2017-04-24",
    });
    await page.getByRole("button", { name: "Continue" }).click();

    // 13.06, 13.16: a purchase order starting 3 is neither UC nor non-UC.
    const summary = page.locator(".govuk-error-summary");
    await expect(summary).toContainText("There is a problem");
    await expect(summary.getByRole("link", { name: PREFIX_MESSAGE })).toHaveAttribute("href", "#purchaseOrderNumber");
    await expect(page).toHaveTitle(/^Error: /);
    await expect(page.getByText(`Error: ${PREFIX_MESSAGE}`)).toBeVisible();
    // Nothing typed is lost, the date parts and choices included.
    await expect(page.getByLabel("Purchase order number", { exact: true })).toHaveValue("300123456");
    await expect(page.getByLabel("Universal Credit, two-stage (Chapter 13, 2016)", { exact: true })).toBeChecked();
    await expect(page.getByLabel("Site", { exact: true }).locator("option:checked")).toHaveText("Leeds Central");
    await expect(page.getByLabel("Surname", { exact: true })).toHaveValue("Gallagher");
    await expect(page.getByLabel("National Insurance number", { exact: true })).toHaveValue("AB 12 34 56 C");
    await expect(page.getByLabel("Yes, the referral says they are disabled", { exact: true })).toBeChecked();
    await expect(page.getByLabel("Postcode", { exact: true })).toHaveValue("ls1 4bz");
    await expect(page.getByLabel("JCP Work Coach", { exact: true })).toBeChecked();
    await expect(page.getByLabel("Email address of the work coach or DEA", { exact: true })).toHaveValue("rachel.moorhouse@jobcentre.example.test");
    const referralDate = page.getByRole("group", { name: "Referral date", exact: true });
    await expect(referralDate.getByLabel("Day", { exact: true })).toHaveValue("13");
    await expect(referralDate.getByLabel("Month", { exact: true })).toHaveValue("4");
    await expect(referralDate.getByLabel("Year", { exact: true })).toHaveValue("2017");
    const assessment = page.getByRole("group", { name: "Initial Assessment date agreed on the call", exact: true });
    await expect(assessment.getByLabel("Day", { exact: true })).toHaveValue("24");
    await expectNoAccessibilityViolations(page);

    await page.getByLabel("Purchase order number", { exact: true }).fill("200123456");
    await recordReferral(page);

    // Every intake ends on the same confirmation (docs/rules/restricted-cases.md), which links to the case.
    await expect(page).toHaveURL(/\/referrals\/recorded\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Referral recorded");
    await expectNoAccessibilityViolations(page);
    await page.getByRole("link", { name: /^Go to case SES-\d{6}$/ }).click();
    await expect(page.getByRole("region", { name: "Participant" })).toContainText(/SES-\d{6}/);
    const startRow = page
      .getByRole("table", { name: "Deadlines" })
      .getByRole("row")
      .filter({ has: page.getByRole("cell", { name: /^Start on provision/ }) });
    await expect(startRow).toContainText("Tuesday 16 May 2017");
    await expect(page.getByText("SES 2016, Universal Credit (Chapter 13)")).toBeVisible();
    // The case shows why it runs that ruleset, in plain words (docs/rules/rulesets.md).
    await expect(page.getByText(/Referral date Thursday 13 April 2017, purchase order starting 2: .* Chapter 13’s two-stage process applies\./)).toBeVisible();
    // The PRaP referral itself is on the case's Forms and letters section.
    await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Forms and letters" }).click();
    await expect(page.getByRole("cell", { name: "200123456", exact: true })).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });

  test("without JavaScript the form posts, shows its errors with the values kept, and records a single referral", async ({ browser, page }) => {
    // Signed in with JavaScript, then the same session in a browser with JavaScript off.
    const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    // (This works because Referrer-Policy is same-origin: with no-referrer Chromium would send
    // `Origin: null` and Next would refuse the server action — see lib/security/csp.ts.)
    const plain = await noScript.newPage();
    await plain.goto("/referrals/new");
    await fillReferral(plain, {
      route: "Single referral to SES P2 National (Chapter 3, 2017)",
      purchaseOrderNumber: "100765432",
      referralId: "PRAP-E2E-0002-P2",
      provisionId: "SES-P2-NATIONAL",
      nino: "CE 65 43 21 A",
      surname: "",
    });
    await plain.getByRole("button", { name: "Continue" }).click();
    await expect(plain.locator(".govuk-error-summary")).toContainText("Enter the claimant’s surname");
    await expect(plain.getByLabel("Purchase order number", { exact: true })).toHaveValue("100765432");
    await expect(plain.getByLabel("Single referral to SES P2 National (Chapter 3, 2017)", { exact: true })).toBeChecked();
    await expect(plain.getByRole("group", { name: "Referral date", exact: true }).getByLabel("Day", { exact: true })).toHaveValue("13");

    await plain.getByLabel("Surname", { exact: true }).fill("Okonkwo");
    await recordReferral(plain);
    await expect(plain).toHaveURL(/\/referrals\/recorded\/[0-9a-f-]{36}$/);
    await plain.getByRole("link", { name: /^Go to case SES-\d{6}$/ }).click();
    await expect(plain.getByRole("region", { name: "Participant" })).toContainText(/SES-\d{6}/);
    await expect(plain.getByText("SES 2017 (Chapter 3)")).toBeVisible();
    await noScript.close();
  });

  test("the other process only with a reason, shown on the case with who chose it; a 1… purchase order never runs the two-stage process (13.06, 13.16)", async ({ page }) => {
    await page.goto("/referrals/new");
    // 2017-11-28 with a UC purchase order: the date gives the single process; the caseworker picks two-stage.
    await fillReferral(page, {
      route: UC_ROUTE,
      purchaseOrderNumber: "100860901",
      referralId: "PRAP-E2E-0901-IA",
      provisionId: "SES-IA-LDS",
      nino: "CE 90 11 22 B",
      surname: "Override",
      referralDate: "2017-11-28",
      initialAssessment: "2017-12-04",
    });
    // The intake shows the ruleset the date and purchase order give, and why, before it is saved.
    await expect(page.getByTestId("derived-ruleset")).toHaveText(
      /^Referral date Tuesday 28 November 2017, purchase order starting 1: it was made on or after 1 September 2017, when Chapter 3’s single referral process became effective/,
    );
    await page.getByRole("button", { name: "Continue" }).click();
    const summary = page.locator(".govuk-error-summary");
    await expect(summary.getByRole("link", { name: /two-stage process is for Universal Credit referrals.*\(13\.06, 13\.16\)/ })).toHaveAttribute("href", "#purchaseOrderNumber");

    await page.getByLabel("Purchase order number", { exact: true }).fill("200860901");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(summary.getByRole("link", { name: /Referral date Tuesday 28 November 2017, purchase order starting 2: .*give the reason/ })).toHaveAttribute("href", "#rulesetOverrideReason");
    await expectNoAccessibilityViolations(page);

    const reason = "Contract variant 7: two-stage process kept for this site";
    await page.getByLabel("Why does this referral follow the other process? (only if you chose one)", { exact: true }).fill(reason);
    await recordReferral(page);
    await goToRecordedCase(page);
    await expect(page.getByText("SES 2016, Universal Credit (Chapter 13)")).toBeVisible();
    await expect(page.getByText("Chosen by a caseworker")).toBeVisible();
    await expect(page.getByText(new RegExp(`Overridden by .+: ${reason}`))).toBeVisible();
    await expect(page.getByText(/The date and purchase order alone give the other ruleset\./)).toBeVisible();
  });

  test("takes any number of qualifications: 'Add another' adds a row and moves to it (13.64)", async ({ page }) => {
    await page.goto("/referrals/new");
    await expect(page.getByLabel("Subject of qualification 4", { exact: true })).toHaveCount(0);
    await openOptionalSection(page, "Qualifications (optional)");
    await openOptionalSection(page, "Employment history (optional)");
    await page.getByRole("button", { name: "Add another qualification" }).click();
    await expect(page.getByLabel("Subject of qualification 4", { exact: true })).toBeFocused();
    await page.getByRole("button", { name: "Add another job" }).click();
    await expect(page.getByLabel("Description of the 3rd most recent job", { exact: true })).toBeFocused();
    await fillReferral(page, {
      route: SES_2017_ROUTE,
      purchaseOrderNumber: "200860902",
      referralId: "PRAP-E2E-0902-P2",
      provisionId: "SES-P2-NATIONAL",
      nino: "CE 90 11 23 B",
      surname: "Many-Rows",
      referralDate: "2017-11-28",
    });
    await page.getByLabel("Subject of qualification 4", { exact: true }).fill("Food hygiene");
    await recordReferral(page);
    await goToRecordedCase(page);
    await expectNoAccessibilityViolations(page);
  });
});
