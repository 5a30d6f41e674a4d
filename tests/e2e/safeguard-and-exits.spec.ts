import { expect, test, type Page } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/axe";
import { daysAgo, fillIsoDate, fillReferral, goToRecordedCase, SES_2017_ROUTE, UC_ROUTE, type Referral } from "./support/referral-form";

/**
 * The unhappy paths of the PRaP rules (docs/rules/states.md), as a caseworker walks them on a 2017 referral: the DEA or Work
 * Coach does not agree the customer is unsuitable (3.10), the customer cannot be contacted (3.08),
 * and an early leaver's exit notice, the Customer Exit Tracker (3.05, 3.16); and, on a 2016 UC
 * referral, the claimant who never came to the Initial Assessment
 * (docs/decisions/0011-2016-no-show-and-withdrawal.md). Axe on every page.
 */

function whatToDoNext(page: Page) {
  return page.getByRole("region", { name: "What to do next" });
}

function identityState(page: Page) {
  return page.getByRole("region", { name: "Participant" }).locator(".ses-identity-bar__identifier").filter({ hasText: /^State/ });
}

async function recordReferral(page: Page, referral: Referral): Promise<string> {
  await page.goto("/referrals/new");
  await fillReferral(page, referral);
  return goToRecordedCase(page);
}

async function openStep(page: Page, caseId: string, label: string, slug: string): Promise<void> {
  await whatToDoNext(page).getByRole("link", { name: label, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}/act/${slug}$`));
  await expect(page.getByRole("heading", { level: 1, name: label })).toBeVisible();
  await expectNoAccessibilityViolations(page);
}

/** The DEA or Work Coach's answer (3.08): who, when, how. */
/** Go to a section of the case through its sub navigation. */
async function caseSection(page: Page, name: string): Promise<void> {
  await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name, exact: true })).toHaveAttribute("aria-current", "page");
}

async function fillWorkCoach(page: Page, agreed: "Yes" | "No" | null): Promise<void> {
  if (agreed) await page.getByRole("group", { name: /did the DEA or Work Coach agree/ }).getByLabel(agreed, { exact: true }).check();
  await page.getByLabel("Name of the DEA or Work Coach you spoke to", { exact: true }).fill("Rachel Moorhouse");
  await fillIsoDate(page, "Date you spoke to the DEA or Work Coach", daysAgo(0));
  await page.getByRole("group", { name: "How did you contact them?" }).getByLabel("Telephone", { exact: true }).check();
}

/** Log one unanswered call from the case's Contact and notes section, and wait until it is in the table. */
async function logFailedAttempt(page: Page, expectedCount: number): Promise<void> {
  await caseSection(page, "Contact and notes");
  await page.getByRole("button", { name: "Log a contact attempt", exact: true }).click();
  await page.getByRole("group", { name: "How did you try to contact them?" }).getByLabel("Telephone", { exact: true }).check();
  await page.getByRole("group", { name: "What happened?" }).getByLabel("No answer", { exact: true }).check();
  await page.getByRole("button", { name: "Log contact attempt", exact: true }).click();
  await expect(page.getByRole("table", { name: "Contact attempts, newest first" }).getByRole("row").filter({ hasText: "No answer" })).toHaveCount(expectedCount);
}

test.describe("the DEA/Work Coach safeguard and exit notices (3.05, 3.08–3.10, 3.16)", () => {
  test.describe.configure({ timeout: 240_000 });

  test("the DEA or Work Coach does not agree: the rejection is refused, their answer recorded, the customer accepted (3.10, 3.11)", async ({ page, loginAs }) => {
    await loginAs("caseworker");
    const caseId = await recordReferral(page, {
      route: SES_2017_ROUTE,
      purchaseOrderNumber: "100861101",
      referralId: "PRAP-SAFE-1101-P2",
      provisionId: "SES-P2-NATIONAL",
      nino: "JT 11 22 33 A",
      surname: "Safeguard-Disagreed",
      referralDate: daysAgo(3),
    });

    await openStep(page, caseId, "Reject the referral", "reject");
    await page.getByLabel("The customer no longer wishes to take part", { exact: true }).check();
    await fillWorkCoach(page, "No");
    // The state machine answers on the question page itself, before any check-answers page.
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("must accept and keep the customer");
    await expectNoAccessibilityViolations(page);

    await page.goto(`/cases/${caseId}`);
    await openStep(page, caseId, "Record that the DEA or Work Coach did not agree", "record-work-coach-disagreement");
    await page.getByLabel("The customer no longer wishes to take part", { exact: true }).check();
    await fillWorkCoach(page, null);
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await expect(page.locator(".govuk-summary-list")).toContainText("the customer must be accepted and kept (3.10)");
    await page.getByRole("button", { name: "Confirm: record that the DEA or Work Coach did not agree", exact: true }).click();
    await expect(identityState(page)).toContainText("Referred");
    await expect(whatToDoNext(page).getByRole("link", { name: "Accept the referral", exact: true })).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });

  test("unable to contact: refused below the attempts setting, prompted and allowed from it, with the DEA's agreement (3.08)", async ({ page, loginAs }) => {
    await loginAs("caseworker");
    const caseId = await recordReferral(page, {
      route: SES_2017_ROUTE,
      purchaseOrderNumber: "100861201",
      referralId: "PRAP-SAFE-1201-P2",
      provisionId: "SES-P2-NATIONAL",
      nino: "JT 11 22 44 B",
      surname: "Safeguard-Unreachable",
      referralDate: daysAgo(6),
    });
    const prompt = page.locator(".govuk-warning-text").filter({ hasText: "unable to contact" });
    await logFailedAttempt(page, 1);
    await logFailedAttempt(page, 2);
    await expect(prompt).toHaveCount(0);

    await caseSection(page, "Overview");
    await openStep(page, caseId, "Reject the referral", "reject");
    await page.getByLabel("Unable to contact the customer after several attempts", { exact: true }).check();
    await fillWorkCoach(page, "Yes");
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("needs at least 3 unsuccessful contact attempts");
    await expect(page.locator(".govuk-error-summary")).toContainText("2 are recorded");

    await page.goto(`/cases/${caseId}`);
    await logFailedAttempt(page, 3);
    await expect(prompt).toContainText("the threshold is 3");
    await expectNoAccessibilityViolations(page);
    await caseSection(page, "Overview");
    await openStep(page, caseId, "Reject the referral", "reject");
    await page.getByLabel("Unable to contact the customer after several attempts", { exact: true }).check();
    await fillWorkCoach(page, "Yes");
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await expect(page.locator(".govuk-summary-list")).toContainText("Rachel Moorhouse");
    await page.getByRole("button", { name: "Confirm: reject the referral", exact: true }).click();
    await expect(identityState(page)).toContainText("Rejected");
    // Closed without a welcome call: "Not met", never "Not applicable" (3.07).
    await expect(page.getByRole("table", { name: "Deadlines" }).getByRole("row").filter({ hasText: "Welcome call" })).toContainText("Not met");
  });

  test("an early leaver's Customer Exit Tracker: due after the exit, composed, sent to the DEA or Work Coach and kept (3.05, 3.16)", async ({ page, loginAs }) => {
    await loginAs("caseworker");
    const caseId = await recordReferral(page, {
      route: SES_2017_ROUTE,
      purchaseOrderNumber: "100861301",
      referralId: "PRAP-SAFE-1301-P2",
      provisionId: "SES-P2-NATIONAL",
      nino: "JT 11 22 55 C",
      surname: "Exit-Tracker",
      referralDate: daysAgo(8),
    });
    await whatToDoNext(page).getByRole("link", { name: "Accept the referral", exact: true }).click();
    await page.getByRole("button", { name: "Accept the referral", exact: true }).click();
    await expect(identityState(page)).toContainText("Accepted");

    await openStep(page, caseId, "Record the welcome call", "record-welcome-call");
    await fillIsoDate(page, "Date of the welcome call", daysAgo(7));
    await page.getByLabel("Spoke to the customer and arranged their first day on provision", { exact: true }).check();
    await fillIsoDate(page, "First day on provision", daysAgo(5));
    await page.getByLabel("Reasonable adjustments, special requests or needs", { exact: true }).fill("Large-print handouts");
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await page.getByRole("button", { name: "Confirm: record the welcome call", exact: true }).click();
    await expect(page.getByRole("table", { name: "Deadlines" }).getByRole("row").filter({ hasText: "Welcome call" })).toContainText("Met on time");
    await expect(page.locator(".govuk-summary-list").filter({ hasText: "Reasonable adjustments" })).toContainText("Large-print handouts");

    await openStep(page, caseId, "Record the start date", "record-start");
    await fillIsoDate(page, "Start date", daysAgo(5));
    await page.getByRole("button", { name: "Record the start date", exact: true }).click();
    await openStep(page, caseId, "Record early leaving", "record-early-leaving");
    await fillIsoDate(page, "Date they left", daysAgo(0));
    await page.getByLabel("Found work", { exact: true }).check();
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await page.getByRole("button", { name: "Confirm: record early leaving", exact: true }).click();
    await expect(identityState(page)).toContainText("Left early");

    // The exit notice is a task in "What to do next", with its clock (3.16).
    const task = page.getByRole("region", { name: "What to do next" });
    await expect(task).toContainText("Send the Customer Exit Tracker to the DEA or Work Coach");
    await expectNoAccessibilityViolations(page);
    await task.getByRole("link", { name: "Send the Customer Exit Tracker to the DEA or Work Coach" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Customer Exit Tracker" })).toBeVisible();
    await expect(page.locator(".govuk-summary-list").first()).toContainText("Found work");
    await expect(page.getByText("rachel.moorhouse@jobcentre.example.test")).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await fillIsoDate(page, "When was the Customer Exit Tracker sent?", daysAgo(0));
    await page.getByRole("button", { name: "Record that the Customer Exit Tracker was sent", exact: true }).click();
    await expect(page.getByText("Customer Exit Tracker recorded as sent.")).toBeVisible();
    await expect(page.getByRole("table", { name: /Every version sent/ })).toContainText("rachel.moorhouse@jobcentre.example.test");
    await expectNoAccessibilityViolations(page);

    await page.goto(`/cases/${caseId}`);
    await expect(page.getByRole("region", { name: "What to do next" }).getByRole("link", { name: "Send the Customer Exit Tracker to the DEA or Work Coach" })).toHaveCount(0);
  });
});

test.describe("a 2016 claimant who did not attend the Initial Assessment (docs/decisions/0011-2016-no-show-and-withdrawal.md)", () => {
  test.describe.configure({ timeout: 240_000 });
  test.use({ signedInAs: "caseworker" });

  test("is rejected in PRaP with PRaP's reason Other, the case keeping its own reason and the date the JCP SPoC was told (13.33, 13.31 by analogy)", async ({ page }) => {
    // Dated April 2017 with a UC purchase order: the date and purchase order give the 2016 two-stage process.
    const caseId = await recordReferral(page, {
      route: UC_ROUTE,
      purchaseOrderNumber: "200861401",
      referralId: "PRAP-NOSHOW-1401-IA",
      provisionId: "SES-IA-LDS",
      nino: "JT 11 22 66 D",
      surname: "No-Show",
      referralDate: "2017-04-13",
      initialAssessment: "2017-04-20",
    });
    await expect(page.getByText("SES 2016, Universal Credit (Chapter 13)")).toBeVisible();

    await openStep(page, caseId, "Acknowledge the referral", "acknowledge");
    await page.getByRole("button", { name: "Acknowledge the referral", exact: true }).click();
    await expect(identityState(page)).toContainText("Acknowledged");

    await openStep(page, caseId, "Reject the referral", "reject");
    // Chapter 13 offers no 3.08 reasons: "Other" for an error, or the no-show and the withdrawal.
    await expect(page.getByLabel("Unable to contact the customer after several attempts", { exact: true })).toHaveCount(0);
    await page.getByLabel("The claimant did not attend the Initial Assessment", { exact: true }).check();
    // The JCP SPoC must be told, and when is required.
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("Enter the date you told the JCP SPoC");
    await expectNoAccessibilityViolations(page);
    await fillIsoDate(page, "If the claimant did not attend or withdrew: date you told the JCP SPoC", "2017-04-21");
    await page.getByRole("button", { name: "Continue", exact: true }).click();

    const answers = page.locator(".govuk-summary-list");
    await expect(answers).toContainText("The claimant did not attend the Initial Assessment");
    await expect(answers).toContainText("21 April 2017");
    await expectNoAccessibilityViolations(page);
    await page.getByRole("button", { name: "Confirm: reject the referral", exact: true }).click();

    await expect(page).toHaveURL(new RegExp(`/cases/${caseId}\\?done=reject$`));
    await expect(identityState(page)).toContainText("Rejected");
    // PRaP holds its own label, "Other"; the case says what happened.
    await expect(page.locator(".govuk-summary-list").filter({ hasText: "Reason closed" })).toContainText("Did not attend the Initial Assessment");
    await caseSection(page, "Forms and letters");
    const referral = page.getByRole("table", { name: "PRaP referrals" }).getByRole("row").filter({ hasText: "PRAP-NOSHOW-1401-IA" });
    await expect(referral).toContainText("Rejected");
    await expect(referral).toContainText("Other");
    await expectNoAccessibilityViolations(page);
  });
});
