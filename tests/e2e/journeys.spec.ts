import { expect, test, type Page } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/axe";
import { CONTRACT_VARIANT, daysAgo, daysAhead, fillIsoDate, fillReferral, recordReferral as submitReferral, SES_2017_ROUTE, UC_ROUTE, type Referral } from "./support/referral-form";
import { DEMO_USERS, signInThroughForm } from "./support/sign-in";

/**
 * End-to-end journeys, as a caseworker walks them: a UC referral from intake to started, a 2017
 * referral from intake to left early, one rejection and one cancellation, with axe checks on
 * every page visited. Dates are counted back from today in calendar days, so they are plausible
 * whatever the day: never in the future, never before the referral date.
 */

/** Every intake ends on the same confirmation (docs/rules/restricted-cases.md), which links to the case. */
const RECORDED_URL = /\/referrals\/recorded\/([0-9a-f-]{36})$/;

/** The case's state as the identity bar shows it. */
function identityState(page: Page) {
  return page.getByRole("region", { name: "Participant" }).locator(".ses-identity-bar__identifier").filter({ hasText: /^State/ });
}

function whatToDoNext(page: Page) {
  return page.getByRole("region", { name: "What to do next" });
}

/** Record a referral at /referrals/new; returns the new case's id, on its page. */
async function recordReferral(page: Page, referral: Referral): Promise<string> {
  await page.goto("/referrals/new");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Record a PRaP referral");
  await expectNoAccessibilityViolations(page);
  await fillReferral(page, referral);
  await submitReferral(page);
  await expect(page).toHaveURL(RECORDED_URL);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Referral recorded");
  await expectNoAccessibilityViolations(page);
  const caseId = RECORDED_URL.exec(page.url())?.[1];
  await page.getByRole("link", { name: /^Go to case SES-\d{6}$/ }).click();
  // The case page: the person is the heading; the identity bar names the case.
  await expect(page.getByRole("region", { name: "Participant" })).toContainText(/SES-\d{6}/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(await page.locator(".ses-identity-bar__name").innerText());
  if (!caseId) throw new Error(`no case id in ${page.url()}`);
  return caseId;
}

/** Follow a "What to do next" link to its step page (checked with axe). */
async function openStep(page: Page, caseId: string, label: string, slug: string): Promise<void> {
  await whatToDoNext(page).getByRole("link", { name: label, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}/act/${slug}$`));
  await expect(page.getByRole("heading", { level: 1, name: label })).toBeVisible();
  await expectNoAccessibilityViolations(page);
}

/** Back on the case page after a step: the state, then axe. */
async function expectCaseAfter(page: Page, caseId: string, slug: string, state: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}\\?done=${slug}$`));
  await expect(identityState(page)).toContainText(state);
  await expectNoAccessibilityViolations(page);
}

/** A step with no questions that can be put right later: one button, named as the step. */
async function takeSimpleStep(page: Page, caseId: string, label: string, slug: string, state: string): Promise<void> {
  await openStep(page, caseId, label, slug);
  await page.getByRole("button", { name: label, exact: true }).click();
  await expectCaseAfter(page, caseId, slug, state);
}

/** An irreversible step, from its check-answers page: Continue, check, Confirm. */
async function confirmOnCheckAnswers(page: Page, label: string, expected: string[]): Promise<void> {
  const lower = label.charAt(0).toLowerCase() + label.slice(1);
  await expect(page.getByRole("heading", { level: 1, name: `Check your answers: ${lower}` })).toBeVisible();
  for (const text of expected) await expect(page.locator(".govuk-summary-list")).toContainText(text);
  await expectNoAccessibilityViolations(page);
  await page.getByRole("button", { name: `Confirm: ${lower}`, exact: true }).click();
}

function startRow(page: Page) {
  return page
    .getByRole("table", { name: "Deadlines" })
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: /^Start on provision/ }) });
}

test.describe("caseworker journeys", () => {
  // Long walks with an axe check on every page: well beyond the default 60 seconds on 2 cores.
  test.describe.configure({ timeout: 240_000 });

  test("a UC referral from intake to started, through the Initial Assessment and the strand referral", async ({ page }) => {
    // The one journey that starts at the sign-in form, as a caseworker's day does; the others sign in by cookie.
    await signInThroughForm(page, DEMO_USERS.caseworker);
    const caseId = await recordReferral(page, {
      route: UC_ROUTE,
      // Dated near today, so the two-stage process is a contract variant, with its reason (docs/rules/rulesets.md).
      overrideReason: CONTRACT_VARIANT,
      purchaseOrderNumber: "200860101",
      referralId: "PRAP-JRNY-0101-IA",
      provisionId: "SES-IA-LDS",
      nino: "CE 11 22 33 A",
      surname: "Journey-Started",
      referralDate: daysAgo(6),
      receivedOn: daysAgo(6),
      initialAssessment: daysAgo(4),
    });

    await takeSimpleStep(page, caseId, "Acknowledge the referral", "acknowledge", "Acknowledged");

    await openStep(page, caseId, "Record the Initial Assessment: recommended", "record-assessment-recommended");
    await fillIsoDate(page, "Date of the Initial Assessment", daysAgo(4));
    await page.getByLabel("SES Main Provision (SESMP)", { exact: true }).check();
    await fillIsoDate(page, "Anticipated start date", daysAgo(1));
    await fillIsoDate(page, "Anticipated end date", daysAhead(180));
    await page.getByRole("button", { name: "Record the Initial Assessment: recommended", exact: true }).click();
    await expectCaseAfter(page, caseId, "record-assessment-recommended", "Recommended");

    // 13.25: the strand referral must be recorded before it can be accepted.
    await expect(whatToDoNext(page).getByRole("link", { name: "Accept the strand referral", exact: true })).toHaveCount(0);
    await whatToDoNext(page).getByRole("link", { name: "Record the strand referral (the second PRaP referral)", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/cases/${caseId}/strand-referral$`));
    await expectNoAccessibilityViolations(page);
    await page.getByLabel("Purchase order number", { exact: true }).fill("200860102");
    await page.getByLabel("PRaP referral ID", { exact: true }).fill("PRAP-JRNY-0102-MP");
    await page.getByLabel("Provision ID", { exact: true }).fill("SES-MP-LDS");
    await fillIsoDate(page, "Date of the strand referral", daysAgo(3));
    await page.getByRole("button", { name: "Record the strand referral", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/cases/${caseId}\\?done=strand-referral$`));
    await expect(whatToDoNext(page).getByRole("link", { name: "Accept the strand referral", exact: true })).toBeVisible();
    await expectNoAccessibilityViolations(page);

    await takeSimpleStep(page, caseId, "Accept the strand referral", "accept-strand-referral", "Accepted");

    await openStep(page, caseId, "Record the start date", "record-start");
    await fillIsoDate(page, "Start date", daysAgo(1));
    await page.getByRole("button", { name: "Record the start date", exact: true }).click();
    await expectCaseAfter(page, caseId, "record-start", "Started");
    await expect(startRow(page)).toContainText("Met on time");
    await expect(whatToDoNext(page).getByRole("link", { name: "Record completion", exact: true })).toBeVisible();
  });

  test("a 2017 referral from intake to left early", async ({ page, loginAs }) => {
    await loginAs("caseworker");
    const caseId = await recordReferral(page, {
      route: SES_2017_ROUTE,
      purchaseOrderNumber: "100860201",
      referralId: "PRAP-JRNY-0201-P2",
      provisionId: "SES-P2-NATIONAL",
      nino: "JT 44 55 66 B",
      surname: "Journey-Left",
      referralDate: daysAgo(6),
      receivedOn: daysAgo(6),
    });

    await takeSimpleStep(page, caseId, "Accept the referral", "accept-referral", "Accepted");

    await openStep(page, caseId, "Record the start date", "record-start");
    await fillIsoDate(page, "Start date", daysAgo(4));
    await page.getByRole("button", { name: "Record the start date", exact: true }).click();
    await expectCaseAfter(page, caseId, "record-start", "Started");

    await openStep(page, caseId, "Record early leaving", "record-early-leaving");
    await fillIsoDate(page, "Date they left", daysAgo(1));
    await page.getByLabel("Found work", { exact: true }).check();
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await confirmOnCheckAnswers(page, "Record early leaving", ["Found work"]);
    await expectCaseAfter(page, caseId, "record-early-leaving", "Left early");
    // No step is left; the one task is the exit notice, with its clock (3.16).
    await expect(whatToDoNext(page).getByRole("link")).toHaveText(["Send the Customer Exit Tracker to the DEA or Work Coach"]);
  });

  test("a UC referral rejected as made in error", async ({ page, loginAs }) => {
    await loginAs("caseworker");
    const caseId = await recordReferral(page, {
      route: UC_ROUTE,
      // Dated near today, so the two-stage process is a contract variant, with its reason (docs/rules/rulesets.md).
      overrideReason: CONTRACT_VARIANT,
      purchaseOrderNumber: "200860301",
      referralId: "PRAP-JRNY-0301-IA",
      provisionId: "SES-IA-LDS",
      nino: "KP 77 88 99 C",
      surname: "Journey-Rejected",
      referralDate: daysAgo(3),
      receivedOn: daysAgo(3),
      initialAssessment: daysAgo(1),
    });

    await openStep(page, caseId, "Reject the referral", "reject");
    await page.getByLabel("The referral was made in error (Other)", { exact: true }).check();
    // Changed on purpose: "Other" carries one line describing the error (13.33).
    await page.getByLabel("What was the error?", { exact: true }).fill("Referred to the wrong provider");
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await confirmOnCheckAnswers(page, "Reject the referral", ["The referral was made in error (Other)"]);
    await expectCaseAfter(page, caseId, "reject", "Rejected");
    await expect(whatToDoNext(page).getByRole("link")).toHaveCount(0);
    await expect(whatToDoNext(page)).toContainText("There is no referral step to record for this case now.");
  });

  test("a 2017 referral accepted, then cancelled as Did Not Start", async ({ page, loginAs }) => {
    await loginAs("caseworker");
    const caseId = await recordReferral(page, {
      route: SES_2017_ROUTE,
      purchaseOrderNumber: "100860401",
      referralId: "PRAP-JRNY-0401-P2",
      provisionId: "SES-P2-NATIONAL",
      nino: "HR 12 34 56 D",
      surname: "Journey-Cancelled",
      referralDate: daysAgo(5),
      receivedOn: daysAgo(5),
    });

    await takeSimpleStep(page, caseId, "Accept the referral", "accept-referral", "Accepted");

    await openStep(page, caseId, "Cancel the referral (Did Not Start)", "cancel-did-not-start");
    // Changed on purpose: a cancellation says why (3.14).
    await page.getByLabel("The referral was made in error", { exact: true }).check();
    await page.getByLabel("What was the error?", { exact: true }).fill("Already on another DWP programme");
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await confirmOnCheckAnswers(page, "Cancel the referral (Did Not Start)", ["Did Not Start", "Already on another DWP programme"]);
    await expectCaseAfter(page, caseId, "cancel-did-not-start", "Cancelled");
    await expect(whatToDoNext(page).getByRole("link")).toHaveCount(0);
  });
});
