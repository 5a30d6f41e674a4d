import { expect, test, type Page } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/axe";
import { expectPrintView } from "./support/print";
import { confirmCheckAnswers, daysAgo, fillIsoDate } from "./support/referral-form";

/**
 * An SRO introduction as a caseworker takes it (13.40–13.51, 3.19–3.29): the introductory call
 * (SESSRO1 Parts 1 and 2), the first meeting (Part 3, accepted), the print view for signature,
 * the copy sent by secure post with its Track and Trace number and the SPoC notified, then JCP's
 * PRaP referral attached to the same case, now "referred". Axe on every page visited.
 */

function identityState(page: Page) {
  return page.getByRole("region", { name: "Participant" }).locator(".ses-identity-bar__identifier").filter({ hasText: /^State/ });
}

function sessro1Section(page: Page) {
  return page.getByRole("region", { name: "SESSRO1 (SRO introduction)" });
}

async function choose(page: Page, question: string, answer: string): Promise<void> {
  await page.getByRole("group", { name: question, exact: true }).getByLabel(answer, { exact: true }).check();
}

test.use({ signedInAs: "caseworker" });

test("a caseworker takes an SRO introduction from the phone call to JCP's PRaP referral (13.41–13.49, 3.20–3.27)", async ({ page }) => {
  // Eleven pages, each checked with axe, on a shared 2-core machine.
  test.setTimeout(360_000);

  // The introductory phone call, reached from "Record a PRaP referral".
  await page.goto("/referrals/new");
  await expectNoAccessibilityViolations(page);
  await page.getByRole("link", { name: "Record an SRO introduction (SESSRO1)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Record an SRO introduction");
  await expectNoAccessibilityViolations(page);

  await page.getByLabel("Organisation", { exact: true }).fill("Aire Valley Community Health Trust");
  await page.getByLabel("Contact name", { exact: true }).fill("Deborah Lund");
  await page.getByLabel("Telephone number", { exact: true }).fill("0113 496 0611");
  await page.getByLabel("Surname", { exact: true }).fill("Achebe");
  await page.getByLabel("Forename", { exact: true }).fill("Ngozi");
  await page.getByLabel("National Insurance number", { exact: true }).fill("JT 98 76 54 C");
  await fillIsoDate(page, "Interview date", daysAgo(0));
  await page.getByLabel("Interview time", { exact: true }).fill("10:30");
  await page.getByLabel("Interview venue", { exact: true }).fill("Leeds Central, 1 Park Row");

  // 13.43: someone on an incompatible programme is recorded and closed as not eligible
  // (docs/decisions/0014-sro-introductions-without-dead-ends.md), so the form asks which programme first — a clear message, nothing recorded.
  await choose(
    page,
    "Are they on the Work Programme, the Work and Health Programme, Work Choice or another incompatible DWP programme?",
    "Yes, they are on one of them: record the call and close it as not eligible",
  );
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter which programme they are on");
  await expect(page.getByLabel("Surname", { exact: true })).toHaveValue("Achebe");
  await expectNoAccessibilityViolations(page);

  await choose(page, "Are they on the Work Programme, the Work and Health Programme, Work Choice or another incompatible DWP programme?", "No, they are not on any of these programmes");
  await confirmCheckAnswers(page, "Record the introduction");
  // Every intake ends on the same confirmation (docs/rules/restricted-cases.md), which links to the case.
  await expect(page).toHaveURL(/\/referrals\/recorded\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Introduction recorded");
  const caseId = /\/referrals\/recorded\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? "";
  await page.getByRole("link", { name: /^Go to case SES-\d{6}$/ }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}$`));
  await expect(identityState(page)).toContainText("Introduced");
  await expect(sessro1Section(page)).toContainText("Introduced, not referred");
  await expectNoAccessibilityViolations(page);

  // The first meeting: Part 3, eligible and suitable → accept (13.44–13.47).
  await sessro1Section(page).getByRole("link", { name: "record the first meeting" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Record the first meeting");
  await expectNoAccessibilityViolations(page);
  await choose(page, "Are they eligible for SES?", "Yes");
  await choose(page, "Is SES suitable for them?", "Yes");
  // "No" only: the question under "Yes" (a conditional reveal) has its own Yes and No.
  await page.getByRole("group", { name: "Have they been on SES before?", exact: true }).getByLabel("No", { exact: true }).last().check();
  await choose(page, "Outcome", "Eligible and suitable: accept them");
  await page.getByRole("button", { name: "Record the first meeting" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}\\?done=sro-introduction-accepted`));
  await expect(identityState(page)).toContainText("Introduction accepted");
  await expectNoAccessibilityViolations(page);

  // The print view for signature: a plain page with a Print button, the back link hidden in print.
  await sessro1Section(page).getByRole("link", { name: "print the SESSRO1" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("SESSRO1");
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  await expect(page.getByText("Eligible and suitable: accepted")).toBeVisible();
  await expectNoAccessibilityViolations(page);
  // The consent block prints once; the marking on every sheet, who printed it and when.
  await expect(page.getByRole("heading", { name: "Consent and signature" })).toHaveCount(1);
  await expectPrintView(page, "Amira Hussain");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("link", { name: /Back to case/ })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  // Signed, copy offered, original retained; secure post with its Track and Trace number; SPoC notified (13.47–13.48).
  await page.goto(`/cases/${caseId}`);
  await sessro1Section(page).getByRole("link", { name: "record the SESSRO1 signed and sent" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Record the SESSRO1 signed and sent");
  await expectNoAccessibilityViolations(page);
  await page.getByLabel("I have retained the signed original", { exact: true }).check();
  await choose(page, "How it was sent", "Royal Mail Tracked (Track and Trace)");
  await page.getByLabel("Sent to", { exact: true }).fill("Sandra Pike, JCP SPoC, Leeds");
  await page.getByRole("button", { name: "Record the form sent" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter the Track and Trace number");
  await expectNoAccessibilityViolations(page);
  await page.getByLabel("Track and Trace number", { exact: true }).fill("TT 1234 5678 9GB");
  await page.getByRole("button", { name: "Record the form sent" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}\\?done=sro-sent`));
  await expect(sessro1Section(page)).toContainText("tracking number TT 1234 5678 9GB");
  await expectNoAccessibilityViolations(page);

  // JCP confirms it received the SESSRO1 (13.49, 3.27).
  await sessro1Section(page).getByRole("link", { name: "record JCP’s receipt of the SESSRO1" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Record JCP’s receipt of the SESSRO1");
  await expectNoAccessibilityViolations(page);
  await page.getByRole("button", { name: "Record JCP’s receipt" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}\\?done=sro-jcp-receipt`));
  await expect(sessro1Section(page)).toContainText("JCP confirmed it received the SESSRO1");

  // JCP's PRaP referral arrives and attaches to this case (13.49, 3.27).
  await sessro1Section(page).getByRole("link", { name: "record JCP’s PRaP referral" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Record JCP’s PRaP referral");
  await expectNoAccessibilityViolations(page);
  await page.getByLabel("Purchase order number", { exact: true }).fill("100987321");
  await page.getByLabel("Referral ID", { exact: true }).fill("PRAP-SRO-E2E-1");
  await page.getByLabel("Provision ID", { exact: true }).fill("SES-P2-NAT");
  await fillIsoDate(page, "Referral date", daysAgo(0));
  await page.getByRole("button", { name: "Record JCP’s PRaP referral" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}\\?done=sro-referred$`));
  await expect(identityState(page)).toContainText("Referred");
  await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Forms and letters" }).click();
  await expect(page.getByRole("table", { name: "PRaP referrals" })).toContainText("100987321");
  await expectNoAccessibilityViolations(page);
});
