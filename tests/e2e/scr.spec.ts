import { expect, test, type Page } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/axe";
import { expectPrintView } from "./support/print";
import { confirmCheckAnswers, daysAgo, fillIsoDate } from "./support/referral-form";
import { navigationLabels } from "./support/sign-in";

/**
 * SCR clerical referrals via SL2 (13.52–13.57, 13.74–13.78, 3.30–3.31, 3.40–3.44), as users walk
 * them: a nominated officer records a received SL2, returns page 1, records the start at initial
 * engagement and prints the SL2 with its marking; a caseworker cannot find that case by URL, in a
 * list or by search. Axe on every page visited.
 */

const CASE_URL = /\/cases\/([0-9a-f-]{36})\?created=1$/;
const SURNAME = "Sl2-Journey";
const NINO = "JS 77 88 99 C";
// Received in the last few days: after 1 September 2017, so Chapter 3 applies and the marking is "SCR customer" (3.43).
const MARKING = "SCR customer";

let scrCaseId = "";
let scrReference = "";

function sl2Section(page: Page) {
  return page.getByRole("region", { name: "SL2 clerical referral" });
}

/** Go to a section of the case through its sub navigation. */
async function caseSection(page: Page, name: string): Promise<void> {
  await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name, exact: true })).toHaveAttribute("aria-current", "page");
}

function whatToDoNext(page: Page) {
  return page.getByRole("region", { name: "What to do next" });
}

test.describe.serial("SCR clerical referrals via SL2", () => {
  test.describe.configure({ timeout: 240_000 });

  test("a nominated officer records a received SL2, returns page 1, starts the case and prints the SL2 marked at the top of every page", async ({ page, loginAs }) => {
    await loginAs("nominatedOfficer");
    await page.goto("/");
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Restricted cases" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Restricted cases" })).toBeVisible();
    await expectNoAccessibilityViolations(page);

    await page.getByRole("button", { name: "Record a received SL2" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Record a received SL2" })).toBeVisible();
    await expectNoAccessibilityViolations(page);

    // An empty post: the GOV.UK error pattern, values kept.
    await page.getByLabel("Forename", { exact: true }).fill("Morgan");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("Enter the date the SL2 was received");
    await expect(page.locator(".govuk-error-summary")).toContainText("Enter the surname");
    await expect(page).toHaveTitle(/^Error: /);
    await expect(page.getByLabel("Forename", { exact: true })).toHaveValue("Morgan");
    await expectNoAccessibilityViolations(page);

    await fillIsoDate(page, "When was the SL2 received?", daysAgo(3));
    await page.getByLabel("Site", { exact: true }).selectOption({ label: "Leeds Central" });
    await page.getByLabel("Surname", { exact: true }).fill(SURNAME);
    await page.getByLabel("National Insurance number (optional)", { exact: true }).fill(NINO);
    await page.getByLabel("Name", { exact: true }).fill("Graham Tennant");
    await confirmCheckAnswers(page, "Create the SCR case");
    await expect(page).toHaveURL(CASE_URL);
    scrCaseId = CASE_URL.exec(page.url())![1];
    scrReference = (await page.locator(".ses-identity-bar__identifier").filter({ hasText: /^Case\s*(SES|SCR)-/ }).locator("dd").innerText()).trim();
    expect(scrReference).toMatch(/^SCR-\d{6}$/);
    await expect(page.locator(".moj-identity-bar")).toContainText(MARKING);
    // No PRaP steps for a clerical SCR case (13.53, 13.74, 3.31, 3.40).
    await expect(whatToDoNext(page).getByRole("link", { name: /Acknowledge|Accept|Reject|Cancel/ })).toHaveCount(0);
    await expectNoAccessibilityViolations(page);
    await caseSection(page, "Forms and letters");
    await expect(sl2Section(page)).toContainText("nothing to acknowledge or accept in PRaP");
    await expect(page.getByRole("table", { name: "PRaP referrals" })).toHaveCount(0);
    await expectNoAccessibilityViolations(page);

    // SL2 page 1 completed and returned by a secure method; pages 2 and 3 kept (13.55, 13.57).
    await sl2Section(page).getByRole("link", { name: "Record the return of SL2 page 1" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Record the return of SL2 page 1" })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await fillIsoDate(page, "When did you complete page 1?", daysAgo(2));
    await fillIsoDate(page, "When did you return it to the JCP nominated officer?", daysAgo(1));
    await page.getByLabel("Royal Mail Special Delivery (Track and Trace)", { exact: true }).check();
    await page.getByRole("button", { name: "Record the return of page 1" }).click();
    // Post without its tracking number, and pages 2 and 3 not confirmed: refused.
    await expect(page.locator(".govuk-error-summary")).toContainText("Enter the Track and Trace number");
    await expect(page.locator(".govuk-error-summary")).toContainText("Confirm that pages 2 and 3 are kept securely");
    await expectNoAccessibilityViolations(page);
    await page.getByLabel("Track and Trace number (for post)", { exact: true }).fill("SD 0071 9911 2GB");
    await page.getByLabel(/I have kept pages 2 and 3/).check();
    await page.getByRole("button", { name: "Record the return of page 1" }).click();
    await expect(page).toHaveURL(new RegExp(`/cases/${scrCaseId}/forms\\?done=sl2-page-1`));
    await expect(page.getByText("Return of SL2 page 1 recorded.")).toBeVisible();
    const log = page.getByRole("table", { name: "SL2 secure post log" });
    await expect(log).toContainText("SL2 page 1");
    await expect(log).toContainText("Royal Mail Special Delivery (Track and Trace)");
    await expect(log).toContainText("SD 0071 9911 2GB");
    await expectNoAccessibilityViolations(page);

    // Start at initial engagement (13.74, 3.40): straight from the referral.
    await caseSection(page, "Overview");
    await whatToDoNext(page).getByRole("link", { name: "Record the start date", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Record the start date" })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await fillIsoDate(page, "Start date", daysAgo(1));
    await page.getByRole("button", { name: "Record the start date", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/cases/${scrCaseId}\\?done=record-start`));
    await expect(page.locator(".moj-identity-bar")).toContainText("Started");
    await expectNoAccessibilityViolations(page);

    // After the assessment: the referral form returned by secure email (13.56, 13.57).
    await caseSection(page, "Forms and letters");
    await sl2Section(page).getByRole("link", { name: "Record the return of the referral form" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Record the return of the referral form" })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await fillIsoDate(page, "When did you return the referral form to the JCP nominated officer?", daysAgo(0));
    await page.getByLabel("Secure (encrypted) email", { exact: true }).check();
    await page.getByRole("button", { name: "Record the return of the referral form" }).click();
    await expect(page).toHaveURL(new RegExp(`/cases/${scrCaseId}/forms\\?done=sl2-referral-form`));
    await expect(page.getByRole("table", { name: "SL2 secure post log" })).toContainText("Secure (encrypted) email");
    await expectNoAccessibilityViolations(page);

    // The print view: the marking at the top of every printed page (13.77, 3.43).
    await sl2Section(page).getByRole("link", { name: "Print the SL2" }).click();
    await expect(page).toHaveURL(new RegExp(`/cases/${scrCaseId}/forms/sl2/print$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(MARKING);
    await expectNoAccessibilityViolations(page);
    await expectPrintView(page, "Dominic Okafor");
    await page.emulateMedia({ media: "print" });
    const printedPages = page.locator("[data-sl2-page]");
    await expect(printedPages).toHaveCount(2);
    for (let index = 0; index < 2; index++) {
      const first = printedPages.nth(index).locator(":scope > *").first();
      await expect(first).toHaveText(MARKING);
      await expect(first).toBeVisible();
    }
    // Every page after the first starts on a new sheet, so each sheet starts with the marking.
    const breaks = await printedPages.evaluateAll((sections) => sections.map((section) => getComputedStyle(section).breakBefore));
    expect(breaks.slice(1)).toEqual(["page"]);
    await page.emulateMedia({ media: "screen" });

    // The queue lists it, open, with its start clock.
    await page.goto("/restricted");
    await expect(page.getByRole("table", { name: /Open SCR cases/ })).toContainText(scrReference);
    await expectNoAccessibilityViolations(page);
  });

  test("a caseworker cannot find the SCR case: 404 like a random id, not in lists, not by search", async ({ page, loginAs }) => {
    expect(scrCaseId).not.toBe("");
    await loginAs("caseworker");
    await page.goto("/");
    expect(await navigationLabels(page)).not.toContain("Restricted cases");

    const random = "00000000-0000-4000-8000-000000000000";
    for (const path of ["", "/forms/sl2/print", "/forms/sl2/page-1", "/forms/sl2/referral-form"]) {
      const scr = await page.goto(`/cases/${scrCaseId}${path}`);
      const scrBody = await page.locator("main").innerText();
      await expectNoAccessibilityViolations(page);
      const other = await page.goto(`/cases/${random}${path}`);
      const otherBody = await page.locator("main").innerText();
      expect(scr?.status(), path).toBe(404);
      expect(other?.status(), path).toBe(404);
      expect(scrBody, path).toBe(otherBody);
    }
    for (const path of ["/restricted", "/restricted/new"]) {
      expect((await page.goto(path))?.status(), path).toBe(404);
      await expectNoAccessibilityViolations(page);
    }

    for (const view of ["open", "mine", "unassigned"]) {
      await page.goto(`/cases?view=${view}`);
      await expect(page.locator("main")).not.toContainText(SURNAME);
      await expect(page.locator("main")).not.toContainText(scrReference);
    }
    await expectNoAccessibilityViolations(page);

    for (const term of [SURNAME, NINO, scrReference]) {
      await page.getByLabel("Search cases", { exact: true }).fill(term);
      await page.getByRole("button", { name: "Search", exact: true }).click();
      await expect(page.getByRole("heading", { name: "No matching cases" })).toBeVisible();
      await expectNoAccessibilityViolations(page);
    }
  });
});
