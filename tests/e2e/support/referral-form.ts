import { expect, type Page } from "@playwright/test";
import { formatIsoDate, parseIsoDate, todayInLondon, type IsoDate } from "../../../lib/calendar/iso-date";

/**
 * Helpers for the PRaP referral intake form (/referrals/new) and the GOV.UK date inputs on
 * the lifecycle pages. Date inputs repeat "Day", "Month", "Year", so they are found inside
 * their fieldset (group) by its legend.
 */

/** Today in London as an ISO date, less `days` calendar days (no working-day rules). */
export function daysAgo(days: number, now: Date = new Date()): IsoDate {
  return formatIsoDate(parseIsoDate(todayInLondon(now)) - days);
}

/** Today in London as an ISO date, plus `days` calendar days. */
export function daysAhead(days: number, now: Date = new Date()): IsoDate {
  return daysAgo(-days, now);
}

/** An ISO date as the form's three parts: [day, month, year], without leading zeros. */
export function dateParts(iso: IsoDate): [string, string, string] {
  const [year, month, day] = iso.split("-");
  return [String(Number(day)), String(Number(month)), year];
}

/** Fill the date group whose legend is `group`. */
export async function fillDate(page: Page, group: string, day: string, month: string, year: string): Promise<void> {
  const date = page.getByRole("group", { name: group, exact: true });
  await date.getByLabel("Day", { exact: true }).fill(day);
  await date.getByLabel("Month", { exact: true }).fill(month);
  await date.getByLabel("Year", { exact: true }).fill(year);
}

/** Fill the date group whose legend is `group` with an ISO date. */
export async function fillIsoDate(page: Page, group: string, iso: IsoDate): Promise<void> {
  await fillDate(page, group, ...dateParts(iso));
}

export const UC_ROUTE = "Universal Credit, two-stage (Chapter 13, 2016)";
export const SES_2017_ROUTE = "Single referral to SES P2 National (Chapter 3, 2017)";

export interface Referral {
  route: string;
  purchaseOrderNumber: string;
  referralId: string;
  provisionId: string;
  nino: string;
  surname: string;
  forename?: string;
  /** Defaults to 13 April 2017 (the intake spec's date). */
  referralDate?: IsoDate;
  /** Defaults to the referral date. */
  receivedOn?: IsoDate;
  /** Required on the UC two-stage route. */
  initialAssessment?: IsoDate;
  /**
   * Why the referral follows `route` when its date and purchase order give the other process
   * (docs/rules/rulesets.md): a UC two-stage referral dated from 1 September 2017 needs one.
   */
  overrideReason?: string;
}

/** The reason the journeys give for running a recent UC referral through the two-stage process. */
export const CONTRACT_VARIANT = "Contract variant: this provider keeps Chapter 13's two-stage process for UC referrals";

/** Fill every question of the intake form, as a caseworker would from the PRaP referral. */
export async function fillReferral(page: Page, referral: Referral): Promise<void> {
  const referralDate = referral.referralDate ?? "2017-04-13";
  await page.getByLabel(referral.route, { exact: true }).check();
  if (referral.overrideReason) {
    await page.getByLabel("Why does this referral follow the other process? (only if you chose one)", { exact: true }).fill(referral.overrideReason);
  }
  await page.getByLabel("Purchase order number", { exact: true }).fill(referral.purchaseOrderNumber);
  await page.getByLabel("Referral ID", { exact: true }).fill(referral.referralId);
  await page.getByLabel("Provision ID", { exact: true }).fill(referral.provisionId);
  await fillIsoDate(page, "Referral date", referralDate);
  await fillIsoDate(page, "Date the referral was received", referral.receivedOn ?? referralDate);
  await page.getByLabel("Title (optional)", { exact: true }).fill("Ms");
  await page.getByLabel("Forename", { exact: true }).fill(referral.forename ?? "Niamh");
  await page.getByLabel("Surname", { exact: true }).fill(referral.surname);
  await page.getByLabel("National Insurance number", { exact: true }).fill(referral.nino);
  await page.getByLabel("Yes, the referral says they are disabled", { exact: true }).check();
  await page.getByLabel("Telephone number (optional)", { exact: true }).fill("07700 900456");
  await page.getByLabel("Address line 1", { exact: true }).fill("12 Wharf Approach");
  await page.getByLabel("Town or city", { exact: true }).fill("Leeds");
  await page.getByLabel("Postcode", { exact: true }).fill("ls1 4bz");
  await openOptionalSection(page, "Employment history (optional)");
  await page.getByLabel("Description of the most recent job", { exact: true }).fill("Kitchen porter");
  await fillDate(page, "Start date of the most recent job", "2", "3", "2013");
  await page.getByLabel("JCP Work Coach", { exact: true }).check();
  await page.getByLabel("Name of the work coach or DEA", { exact: true }).fill("Rachel Moorhouse");
  await page.getByLabel("Telephone number of the work coach or DEA", { exact: true }).fill("0113 496 0301");
  await page.getByLabel("Email address of the work coach or DEA", { exact: true }).fill("rachel.moorhouse@jobcentre.example.test");
  await fillIsoDate(page, "Date of the Warm Handover call", referralDate);
  if (referral.initialAssessment) await fillIsoDate(page, "Initial Assessment date agreed on the call", referral.initialAssessment);
}

/** Opens an intake's optional section (a GOV.UK details disclosure) if it is closed. */
export async function openOptionalSection(page: Page, summary: string): Promise<void> {
  const details = page.locator("details", { has: page.locator("summary", { hasText: summary }) });
  if ((await details.getAttribute("open")) === null) await details.locator("summary").first().click();
  await expect(details).toHaveAttribute("open", "");
}

/** The heading of every intake's check-your-answers page. */
export const CHECK_ANSWERS_HEADING = /Check your answers before recording/;

/** "Continue" on an intake's questions, expecting its check-your-answers page (no errors). */
export async function continueToCheckAnswers(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(CHECK_ANSWERS_HEADING);
}

/**
 * Any intake, from its questions or from its check-your-answers page: "Continue" (if still on the
 * questions), then the check page's button `label` ("Record the introduction", "Create the SCR case").
 */
export async function confirmCheckAnswers(page: Page, label: string): Promise<void> {
  const heading = page.getByRole("heading", { level: 1 });
  if (!CHECK_ANSWERS_HEADING.test((await heading.textContent()) ?? "")) await continueToCheckAnswers(page);
  await page.getByRole("button", { name: label, exact: true }).click();
}

/** The PRaP intake through its check-your-answers page ("Record referral"), ending on the confirmation. */
export async function recordReferral(page: Page, label = "Record referral"): Promise<void> {
  await confirmCheckAnswers(page, label);
  await expect(page).toHaveURL(/\/referrals\/recorded\/[0-9a-f-]{36}$/);
}

/**
 * Every intake ends on the same confirmation, whatever the NINO (docs/rules/restricted-cases.md:
 * no SCR existence oracle); from there the user follows "Go to case". Returns the new case's id.
 */
export async function goToRecordedCase(page: Page): Promise<string> {
  // From the questions or the check page, the referral is recorded first (through the check page).
  if (!/\/referrals\/recorded\//.test(page.url())) await recordReferral(page);
  await expect(page).toHaveURL(/\/referrals\/recorded\/[0-9a-f-]{36}$/);
  const caseId = /\/referrals\/recorded\/([0-9a-f-]{36})$/.exec(page.url())![1];
  await page.getByRole("link", { name: /^Go to case SES-\d{6}$/ }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}$`));
  await expect(page.getByRole("region", { name: "Participant" })).toContainText(/SES-\d{6}/);
  return caseId;
}
